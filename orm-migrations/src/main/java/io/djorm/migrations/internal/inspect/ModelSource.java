package io.djorm.migrations.internal.inspect;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes Java model classes for inspected models ({@code inspectdb}): one public class per model with
 * a field annotation per column, {@code @Meta(dbTable = ..., managed = false)} with the unique-together
 * sets and indexes, and a manager. Fields whose kind or size could not be told for sure say so in a
 * comment, as Django's output does, so a person reviews them.
 */
public final class ModelSource {
    private static final Map<String, String> JAVA_TYPES = Map.ofEntries(
            Map.entry("CharField", "String"), Map.entry("TextField", "String"), Map.entry("IntegerField", "Integer"),
            Map.entry("PositiveIntegerField", "Integer"), Map.entry("SmallIntegerField", "Integer"),
            Map.entry("BigIntegerField", "Long"), Map.entry("FloatField", "Double"),
            Map.entry("DecimalField", "java.math.BigDecimal"), Map.entry("BooleanField", "Boolean"),
            Map.entry("DateField", "java.time.LocalDate"), Map.entry("DateTimeField", "java.time.LocalDateTime"),
            Map.entry("TimeField", "java.time.LocalTime"), Map.entry("BinaryField", "byte[]"));

    private ModelSource() {
    }

    /** One model's class, in package {@code packageName}; {@code models} are all inspected models. */
    public static String render(ModelMeta model, String packageName, List<ModelMeta> models) {
        Set<String> imports = new TreeSet<>(List.of("io.djorm.core.Manager", "io.djorm.core.Meta", "io.djorm.core.Model"));
        List<String> body = new ArrayList<>();
        for (FieldMeta f : model.fields()) {
            if (f.autoCreated()) continue;
            body.add("");
            if (f.isRelation() && isModel(f.relation().target(), models)) {
                relation(model, f, imports, body);
                continue;
            }
            String kind = f.type().internalType();
            imports.add("io.djorm.core.fields." + kind);
            if (f.isRelation()) body.add("    // Refers to the table " + f.relation().target() + ", which was not inspected.");
            if (!JAVA_TYPES.containsKey(kind)) body.add("    // The column type was not recognised; check the field kind.");
            if (guessedDigits(f)) {
                body.add("    // maxDigits and decimalPlaces have been guessed, as this database handles decimal fields as float.");
            }
            body.add("    @" + kind + "(" + attributes(f) + ")");
            body.add("    public " + JAVA_TYPES.getOrDefault(kind, "Object") + " " + f.name() + ";");
        }
        List<String> meta = meta(model, imports);
        StringBuilder out = new StringBuilder();
        out.append("package ").append(packageName).append(";\n\n");
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append("\n/** The table ").append(model.dbTable()).append(", as inspectdb found it. */\n");
        out.append("@Meta(").append(String.join(", ", meta)).append(")\n");
        out.append("public class ").append(model.modelName()).append(" extends Model {");
        body.forEach(line -> out.append(line.isEmpty() ? "\n" : line + "\n"));
        out.append("\n    /** The default manager. */\n");
        out.append("    public static Manager<").append(model.modelName()).append("> objects() {\n");
        out.append("        return Manager.of(").append(model.modelName()).append(".class);\n    }\n}\n");
        return out.toString();
    }

    /**
     * A key to an inspected table: {@code @ForeignKey}, or {@code @OneToOneField} for a unique column
     * (the annotation carries the uniqueness). DO_NOTHING, as Django's inspectdb: the database's own
     * rule stays in charge until a person chooses one. Several keys to one model get distinct reverse
     * names ({@code <model>_<field>_set}), as Django's, so the reverse accessors do not clash.
     */
    private static void relation(ModelMeta model, FieldMeta f, Set<String> imports, List<String> body) {
        String target = f.relation().target().substring(f.relation().target().indexOf('.') + 1);
        String annotation = f.relation().kind() == Relation.Kind.ONE_TO_ONE ? "OneToOneField" : "ForeignKey";
        imports.add("io.djorm.core.Ref");
        imports.add("io.djorm.core.fields." + annotation);
        imports.add("io.djorm.core.OnDelete");
        if (f.primaryKey()) {
            body.add("    // The column is also the table's primary key, which a relation field cannot be; review this model.");
        }
        StringBuilder attributes = new StringBuilder("to = " + target + ".class, onDelete = OnDelete.DO_NOTHING");
        long sameTarget = model.fields().stream().filter(o -> o.isRelation()
                && o.relation().target().equalsIgnoreCase(f.relation().target())).count();
        if (sameTarget > 1) {
            attributes.append(", relatedName = ").append(quote(model.modelName().toLowerCase(Locale.ROOT) + "_" + f.name() + "_set"));
        }
        if (f.nullable()) attributes.append(", nullable = true");
        if (!f.column().equals(FieldMeta.snakeCase(f.name()) + "_id")) attributes.append(", dbColumn = ").append(quote(f.column()));
        if (f.hasDefault() && f.defaultText() != null) attributes.append(", defaultValue = ").append(quote(f.defaultText()));
        body.add("    @" + annotation + "(" + attributes + ")");
        body.add("    public Ref<" + target + "> " + f.name() + ";");
    }

    /**
     * The {@code @Meta} attributes: the table, {@code managed = false} (the table exists; migrations
     * leave it alone, as Django's inspectdb says), unique-together sets and named indexes.
     */
    private static List<String> meta(ModelMeta model, Set<String> imports) {
        List<String> a = new ArrayList<>(List.of("dbTable = " + quote(model.dbTable())));
        if (!model.managed()) a.add("managed = false");
        if (!model.uniqueTogether().isEmpty()) {
            imports.add("io.djorm.core.UniqueTogether");
            a.add("uniqueTogether = {" + String.join(", ", model.uniqueTogether().stream()
                    .map(set -> "@UniqueTogether(" + names(set) + ")").toList()) + "}");
        }
        if (!model.indexes().isEmpty()) {
            imports.add("io.djorm.core.Index");
            a.add("indexes = {" + String.join(", ", model.indexes().stream()
                    .map(i -> "@Index(name = " + quote(i.name()) + ", fields = " + names(i.fields()) + ")").toList()) + "}");
        }
        return a;
    }

    /** Field names as a Java array literal. */
    private static String names(List<String> fields) {
        return "{" + String.join(", ", fields.stream().map(ModelSource::quote).toList()) + "}";
    }

    /** A decimal column declared without digits (SQLite stores it as a float): Django guesses 10 and 5. */
    private static boolean guessedDigits(FieldMeta f) {
        return f.type().internalType().equals("DecimalField") && f.params().get("max_digits") == null;
    }

    private static boolean isModel(String label, List<ModelMeta> models) {
        return models.stream().anyMatch(m -> m.label().equalsIgnoreCase(label));
    }

    private static String attributes(FieldMeta f) {
        List<String> a = new ArrayList<>();
        if (f.params().get("max_length") != null) a.add("maxLength = " + f.params().get("max_length"));
        if (f.params().get("max_digits") != null) {
            a.add("maxDigits = " + f.params().get("max_digits"));
            a.add("decimalPlaces = " + f.params().get("decimal_places"));
        } else if (guessedDigits(f)) {
            a.add("maxDigits = 10");
            a.add("decimalPlaces = 5");
        }
        if (f.dbIndex()) a.add("dbIndex = true");
        String joined = String.join(", ", a) + common(f, FieldMeta.snakeCase(f.name()));
        return joined.startsWith(", ") ? joined.substring(2) : joined;
    }

    /** The attributes every field annotation shares, each with a leading comma. */
    private static String common(FieldMeta f, String derivedColumn) {
        StringBuilder s = new StringBuilder();
        if (f.primaryKey()) s.append(", primaryKey = true");
        if (f.nullable()) s.append(", nullable = true");
        if (f.unique() && !f.primaryKey()) s.append(", unique = true");
        if (!f.column().equals(derivedColumn)) s.append(", dbColumn = ").append(quote(f.column()));
        if (f.hasDefault() && f.defaultText() != null) s.append(", defaultValue = ").append(quote(f.defaultText()));
        return s.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
