package io.djorm.sqlite.internal.schema;

import io.djorm.core.OnDelete;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.internal.JoinTableNames;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.spi.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the DDL of one model on SQLite: the CREATE TABLE statement, its column definitions, its
 * indexes and the models of its automatic many-to-many join tables. Pure rendering; runs nothing.
 */
final class TableSql {
    private final Dialect dialect;
    private final RelationTargets targets;
    private final CheckConditions checks;

    TableSql(Dialect dialect, RelationTargets targets) {
        this.dialect = dialect;
        this.targets = targets;
        this.checks = new CheckConditions(dialect);
    }

    String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** CREATE TABLE for the model under the given table name (a rebuild uses a temporary name). */
    String createTable(ModelMeta model, String tableName, List<ModelMeta> local) {
        List<String> parts = new ArrayList<>();
        for (FieldMeta f : model.concreteFields()) parts.add(columnDefinition(model, f, local));
        for (ConstraintMeta c : model.constraints()) parts.add(constraintDefinition(model, c));
        return "CREATE TABLE " + q(tableName) + " (" + String.join(", ", parts) + ")";
    }

    /**
     * One column: name, type, nullability, key, uniqueness, check and reference. Never a DEFAULT: as in
     * Django, defaults belong to the models and the ORM applies them on save; a schema change fills
     * existing rows with the default once and leaves no default on the column.
     */
    String columnDefinition(ModelMeta model, FieldMeta field, List<ModelMeta> local) {
        StringBuilder sql = new StringBuilder(q(field.column())).append(' ').append(columnType(model, field, local));
        sql.append(field.nullable() && !field.primaryKey() ? " NULL" : " NOT NULL");
        if (field.primaryKey()) {
            sql.append(" PRIMARY KEY");
            if (field.type().isAutoIncrement()) sql.append(" AUTOINCREMENT");
        } else if (field.unique()) {
            sql.append(" UNIQUE");
        }
        String check = columnCheck(field);
        if (check != null) sql.append(" CHECK (").append(check).append(')');
        if (hasForeignKey(field)) {
            ModelMeta target = targets.target(model, field.relation(), local);
            FieldMeta referenced = targets.targetField(model, field, local);
            sql.append(" REFERENCES ").append(q(target.dbTable())).append(" (").append(q(referenced.column()))
                    .append(") DEFERRABLE INITIALLY DEFERRED");
        }
        return sql.toString();
    }

    /** The column type; a relation takes the type of the column it refers to (Django: rel_db_type). */
    String columnType(ModelMeta model, FieldMeta field, List<ModelMeta> local) {
        if (field.isRelation() && field.type().columnType(dialect, field) == null) {
            FieldMeta referenced = targets.targetField(model, field, local);
            ModelMeta target = targets.target(model, field.relation(), local);
            return switch (referenced.type().internalType()) {
                case "AutoField" -> "integer";
                case "BigAutoField" -> "bigint";
                case "PositiveIntegerField" -> "integer unsigned";
                default -> columnType(target, referenced, local);
            };
        }
        String type = dialect.columnType(field);
        if (type == null) {
            throw new io.djorm.core.FieldError("Field '" + field.name() + "' of " + model.label()
                    + " has no column type on " + dialect.name() + ".");
        }
        return type;
    }

    private String columnCheck(FieldMeta field) {
        String column = q(field.column());
        return switch (field.type().internalType()) {
            case "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField" -> column + " >= 0";
            case "JSONField" -> "(JSON_VALID(" + column + ") OR " + column + " IS NULL)";
            default -> null;
        };
    }

    static boolean hasForeignKey(FieldMeta field) {
        return field.isRelation() && field.hasColumn() && field.relation().kind() != Relation.Kind.MANY_TO_MANY
                && field.relation().dbConstraint();
    }

    private String constraintDefinition(ModelMeta model, ConstraintMeta c) {
        return switch (c.kind()) {
            case CHECK -> "CONSTRAINT " + q(c.name()) + " CHECK (" + checks.render(model, c.name(), c.conditions()) + ")";
            case UNIQUE -> "CONSTRAINT " + q(c.name()) + " UNIQUE (" + columnList(model, c.fields(), false) + ")";
        };
    }

    /**
     * Every index the model declares, by name: single-field indexes (db_index and foreign keys),
     * Meta indexes and unique-together sets. Ordered, so the DDL is deterministic.
     */
    Map<String, String> indexes(ModelMeta model) {
        Map<String, String> out = new LinkedHashMap<>();
        String table = model.dbTable();
        for (FieldMeta f : model.concreteFields()) {
            boolean foreignKey = f.isRelation() && f.relation().kind() == Relation.Kind.MANY_TO_ONE;
            if ((f.dbIndex() || foreignKey) && !f.unique() && !f.primaryKey()) {
                String name = SchemaNames.indexName(table, List.of(f.column()), "");
                out.put(name, "CREATE INDEX " + q(name) + " ON " + q(table) + " (" + q(f.column()) + ")");
            }
        }
        for (IndexMeta index : model.indexes()) {
            String name = indexName(model, index);
            out.put(name, "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(name) + " ON " + q(table)
                    + " (" + columnList(model, index.fields(), true) + ")");
        }
        for (List<String> fields : model.uniqueTogether()) {
            String name = uniqueTogetherName(model, fields);
            out.put(name, "CREATE UNIQUE INDEX " + q(name) + " ON " + q(table) + " (" + columnList(model, fields, false) + ")");
        }
        return out;
    }

    /** A Meta index's name: the declared one, or a stable generated one. */
    String indexName(ModelMeta model, IndexMeta index) {
        if (index.name() != null && !index.name().isEmpty()) return index.name();
        return SchemaNames.indexName(model.dbTable(), columns(model, index.fields()), "_idx");
    }

    /** The unique index that enforces one unique-together set. */
    String uniqueTogetherName(ModelMeta model, List<String> fields) {
        return SchemaNames.indexName(model.dbTable(), columns(model, fields), "_uniq");
    }

    private List<String> columns(ModelMeta model, List<String> fields) {
        return fields.stream().map(f -> model.field(f.startsWith("-") ? f.substring(1) : f).column()).toList();
    }

    private String columnList(ModelMeta model, List<String> fields, boolean allowDescending) {
        List<String> parts = new ArrayList<>();
        for (String name : fields) {
            boolean descending = allowDescending && name.startsWith("-");
            FieldMeta f = model.field(descending ? name.substring(1) : name);
            parts.add(q(f.column()) + (descending ? " DESC" : ""));
        }
        return String.join(", ", parts);
    }

    /** Whether a many-to-many field gets an automatic join table (no {@code through} model). */
    static boolean hasAutoJoinTable(FieldMeta field) {
        return field.isRelation() && field.relation().kind() == Relation.Kind.MANY_TO_MANY
                && (field.relation().through() == null || field.relation().through().isEmpty());
    }

    /**
     * The model of a many-to-many field's automatic join table: {@code id}, {@code <model>_id} and
     * {@code <target>_id} (or {@code from_}/{@code to_} for a relation to the model itself), both
     * required foreign keys, unique together.
     */
    ModelMeta joinModel(ModelMeta owner, FieldMeta field, List<ModelMeta> local) {
        ModelMeta target = targets.target(owner, field.relation(), local);
        List<String> keys = JoinTableNames.keyNames(owner.modelName(), target.modelName());
        FieldMeta id = FieldMeta.builder("id", new AutoType()).primaryKey(true).autoCreated(true).build();
        FieldMeta fromKey = joinKey(keys.get(0), owner.label());
        FieldMeta toKey = joinKey(keys.get(1), target.label());
        return ModelMeta.builder(owner.appLabel(), JoinTableNames.modelName(owner.modelName(), field.name()))
                .dbTable(JoinTableNames.table(owner.dbTable(), field.name()))
                .field(id).field(fromKey).field(toKey)
                .uniqueTogether(List.of(fromKey.name(), toKey.name()))
                .build();
    }

    private static FieldMeta joinKey(String name, String targetLabel) {
        Relation relation = new Relation(Relation.Kind.MANY_TO_ONE, targetLabel, OnDelete.CASCADE, "+", "",
                true, "");
        return FieldMeta.builder(name, JoinKeyType.INSTANCE).relation(relation).build();
    }
}
