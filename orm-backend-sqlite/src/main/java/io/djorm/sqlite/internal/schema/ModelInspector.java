package io.djorm.sqlite.internal.schema;

import io.djorm.core.OnDelete;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.BigIntegerType;
import io.djorm.core.internal.fields.BinaryType;
import io.djorm.core.internal.fields.BooleanType;
import io.djorm.core.internal.fields.CharType;
import io.djorm.core.internal.fields.DateTimeType;
import io.djorm.core.internal.fields.DateType;
import io.djorm.core.internal.fields.DecimalType;
import io.djorm.core.internal.fields.FloatType;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.internal.fields.OneToOneType;
import io.djorm.core.internal.fields.PositiveIntegerType;
import io.djorm.core.internal.fields.SmallIntegerType;
import io.djorm.core.internal.fields.TextType;
import io.djorm.core.internal.fields.TimeType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.sqlite.internal.schema.SqliteIntrospection.Column;
import io.djorm.sqlite.internal.schema.SqliteIntrospection.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses models from existing tables (Django: {@code inspectdb}): a field kind per declared column
 * type (SQLite's type affinity rules decide unknown ones), sizes, nullability, constant defaults,
 * single-column unique indexes, foreign keys, unique sets of several columns (unique together), the
 * generated single-column indexes of {@code db_index} fields and other indexes by name. Decimal
 * columns declared without digits keep no digits here; the source writer guesses them, as Django's. A table's single integer primary key named
 * {@code id} becomes the implicit auto field.
 */
final class ModelInspector {
    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:,(\\d+))?\\)");
    private final SqliteIntrospection introspection;

    ModelInspector(SqliteIntrospection introspection) {
        this.introspection = introspection;
    }

    List<ModelMeta> inspect(String appLabel, Set<String> excluded) {
        Map<String, String> modelNames = new TreeMap<>();
        for (String table : introspection.tables()) {
            if (!excluded.contains(table)) modelNames.put(table, modelName(appLabel, table));
        }
        List<ModelMeta> models = new ArrayList<>();
        for (Map.Entry<String, String> e : modelNames.entrySet()) {
            models.add(model(appLabel, e.getKey(), e.getValue(), modelNames));
        }
        return models;
    }

    private ModelMeta model(String app, String table, String name, Map<String, String> modelNames) {
        // Inspected tables exist already: migrations leave them alone until a person says otherwise.
        ModelMeta.Builder b = ModelMeta.builder(app, name).dbTable(table).managed(false);
        Map<String, ForeignKey> keys = new TreeMap<>();
        introspection.foreignKeys(table).forEach(k -> keys.put(k.column(), k));
        List<String> uniqueColumns = introspection.uniqueColumnSets(table).stream().filter(s -> s.size() == 1)
                .map(s -> s.get(0)).toList();
        for (Column c : introspection.columns(table)) {
            ForeignKey key = keys.get(c.name());
            boolean unique = uniqueColumns.contains(c.name()) && !c.primaryKey();
            FieldMeta.Builder f = key != null ? relation(c, key, unique, app, modelNames) : plain(c);
            f.nullable(c.nullable()).unique(unique).primaryKey(c.primaryKey());
            if (c.primaryKey() && c.name().equals("id") && f.type() instanceof IntegerType) {
                f = FieldMeta.builder("id", new AutoType()).primaryKey(true).autoCreated(true);
            }
            String text = defaultText(c.defaultSql());
            if (text != null) f.defaultValue(text, text);
            if (key == null && !unique && hasGeneratedIndex(table, c.name())) f.dbIndex(true);
            b.field(f.build());
        }
        ModelMeta fieldsOnly = b.build();
        for (SqliteIntrospection.Index index : introspection.indexes(table)) {
            if (index.origin().equals("pk") || index.columns().size() < 2 && (index.unique() || isGenerated(table, index))) continue;
            List<String> fields = index.columns().stream().map(column -> fieldOf(fieldsOnly, column)).toList();
            if (index.unique()) b.uniqueTogether(fields);
            else b.index(new IndexMeta(index.name(), fields, false));
        }
        return b.build();
    }

    /**
     * Whether the column has the single-column index a field with {@code db_index} (or a foreign key)
     * gets, under the name Django and djorm generate for it; such an index becomes {@code db_index}.
     */
    private boolean hasGeneratedIndex(String table, String column) {
        return introspection.indexes(table).stream().anyMatch(i -> i.columns().equals(List.of(column)) && isGenerated(table, i));
    }

    private static boolean isGenerated(String table, SqliteIntrospection.Index index) {
        return !index.unique() && index.columns().size() == 1
                && index.name().equals(SchemaNames.indexName(table, index.columns(), ""));
    }

    private static String fieldOf(ModelMeta model, String column) {
        return model.concreteFields().stream().filter(f -> f.column().equals(column)).map(FieldMeta::name).findFirst()
                .orElse(column);
    }

    /**
     * A foreign key column: a ForeignKey (a OneToOneField when the column is unique) to the model of an
     * inspected table. A key to a table that is not inspected keeps its column's plain kind, with the
     * relation recorded so the generated source can point it out.
     */
    private static FieldMeta.Builder relation(Column c, ForeignKey key, boolean unique, String app,
                                              Map<String, String> modelNames) {
        String column = c.name();
        String name = column.endsWith("_id") && column.length() > 3 ? column.substring(0, column.length() - 3) : column;
        boolean inspected = modelNames.containsKey(key.table());
        String target = inspected ? app + "." + modelNames.get(key.table()) : key.table();
        Relation.Kind relationKind = unique ? Relation.Kind.ONE_TO_ONE : Relation.Kind.MANY_TO_ONE;
        FieldType fieldKind = !inspected ? kind(c.type()) : unique ? new OneToOneType() : new ForeignKeyType();
        FieldMeta.Builder f = FieldMeta.builder(javaName(name), fieldKind).column(column);
        return f.relation(new Relation(relationKind, target, OnDelete.DO_NOTHING, "", "", true, ""));
    }

    private static FieldMeta.Builder plain(Column c) {
        String name = javaName(c.name());
        FieldMeta.Builder f = FieldMeta.builder(name, kind(c.type()));
        if (!FieldMeta.snakeCase(name).equals(c.name())) f.column(c.name());
        Matcher m = SIZED.matcher(c.type());
        if (m.matches()) {
            if (f.type() instanceof CharType) f.param("max_length", Integer.parseInt(m.group(2)));
            if (f.type() instanceof DecimalType) {
                f.param("max_digits", Integer.parseInt(m.group(2)));
                f.param("decimal_places", m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            }
        }
        return f;
    }

    /** The field kind of a declared column type, by the dialect's own names first, then SQLite's affinity rules. */
    static FieldType kind(String declared) {
        String type = declared.toLowerCase(Locale.ROOT);
        Matcher m = SIZED.matcher(type);
        String base = m.matches() ? m.group(1).strip() : type.strip();
        return switch (base) {
            case "integer unsigned" -> new PositiveIntegerType();
            case "bigint" -> new BigIntegerType();
            case "smallint" -> new SmallIntegerType();
            case "varchar", "char", "character", "nvarchar" -> new CharType();
            case "text", "clob" -> new TextType();
            case "real", "float", "double", "double precision" -> new FloatType();
            case "decimal", "numeric" -> new DecimalType();
            case "bool", "boolean" -> new BooleanType();
            case "date" -> new DateType();
            case "datetime", "timestamp" -> new DateTimeType();
            case "time" -> new TimeType();
            case "blob", "" -> new BinaryType();
            default -> affinity(base);
        };
    }

    private static FieldType affinity(String type) {
        if (type.contains("int")) return new IntegerType();
        if (type.contains("char") || type.contains("clob") || type.contains("text")) return new TextType();
        if (type.contains("blob")) return new BinaryType();
        if (type.contains("real") || type.contains("floa") || type.contains("doub")) return new FloatType();
        return new DecimalType();
    }

    /** A constant default as the text a field annotation takes, or null for none or an expression. */
    private static String defaultText(String sql) {
        if (sql == null) return null;
        String s = sql.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) return s.substring(1, s.length() - 1).replace("''", "'");
        if (s.matches("[-+]?\\d+(\\.\\d+)?")) return s;
        return null;
    }

    /** {@code first_name} → {@code firstName}; names that are not identifiers get a prefix. */
    static String javaName(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                upper = out.length() > 0;
                continue;
            }
            out.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, "field");
        return out.toString();
    }

    /** {@code shop_book_tags} in app {@code shop} → {@code BookTags}. */
    static String modelName(String app, String table) {
        String rest = table.startsWith(app + "_") && table.length() > app.length() + 1 ? table.substring(app.length() + 1) : table;
        String camel = javaName(rest);
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }
}
