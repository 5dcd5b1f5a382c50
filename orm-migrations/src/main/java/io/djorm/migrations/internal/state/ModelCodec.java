package io.djorm.migrations.internal.state;

import io.djorm.core.OnDelete;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.migrations.MigrationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts model and field metadata to and from the JSON of migration files. Only what the schema
 * needs is kept, and only where it differs from the default, so files stay short and the same models
 * always give byte-identical JSON. Field kinds are stored by class name and recreated through their
 * public no-argument constructor, so kinds from other modules (vectors) need no registration.
 */
public final class ModelCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, FieldType> KINDS = new ConcurrentHashMap<>();

    private ModelCodec() {
    }

    /** A field as JSON. */
    public static ObjectNode field(FieldMeta f) {
        ObjectNode n = JSON.objectNode();
        n.put("name", f.name());
        n.put("type", f.type().internalType());
        n.put("kind", f.type().getClass().getName());
        String derivedColumn = f.isRelation() && f.relation().kind() != Relation.Kind.MANY_TO_MANY ? f.name() + "_id" : f.name();
        if (!f.column().equals(derivedColumn)) n.put("column", f.column());
        if (f.primaryKey()) n.put("primary_key", true);
        if (f.nullable()) n.put("null", true);
        if (f.blank()) n.put("blank", true);
        if (f.unique() && !f.primaryKey()) n.put("unique", true);
        if (f.dbIndex()) n.put("db_index", true);
        if (!f.editable()) n.put("editable", false);
        if (f.autoCreated()) n.put("auto_created", true);
        if (f.hasDefault() && f.defaultText() != null) n.put("default", f.defaultText());
        if (!f.params().isEmpty()) n.set("params", params(f.params()));
        if (!f.choices().isEmpty()) {
            ArrayNode choices = n.putArray("choices");
            for (FieldMeta.Choice c : f.choices()) choices.addArray().add(String.valueOf(c.value())).add(c.label());
        }
        if (f.isRelation()) {
            Relation r = f.relation();
            ObjectNode rel = n.putObject("relation");
            rel.put("kind", r.kind().name());
            rel.put("to", r.target());
            rel.put("on_delete", r.onDelete().name());
            if (r.relatedName() != null && !r.relatedName().isEmpty()) rel.put("related_name", r.relatedName());
            if (r.toField() != null && !r.toField().isEmpty()) rel.put("to_field", r.toField());
            if (!r.dbConstraint()) rel.put("db_constraint", false);
            if (r.through() != null && !r.through().isEmpty()) rel.put("through", r.through());
        }
        return n;
    }

    private static ObjectNode params(Map<String, Object> params) {
        ObjectNode n = JSON.objectNode();
        for (Map.Entry<String, Object> e : new TreeMap<>(params).entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer i) n.put(e.getKey(), i);
            else if (v instanceof Long l) n.put(e.getKey(), l);
            else if (v instanceof Number num) n.put(e.getKey(), num.doubleValue());
            else if (v instanceof Boolean b) n.put(e.getKey(), b);
            else if (v != null) n.put(e.getKey(), v.toString());
        }
        return n;
    }

    /** A field from JSON; {@code where} names the file for errors. */
    public static FieldMeta field(JsonNode n, String where) {
        String name = text(n, "name", where);
        FieldType kind = kind(text(n, "kind", where), where);
        FieldMeta.Builder b = FieldMeta.builder(name, kind)
                .column(n.path("column").asText(null))
                .primaryKey(n.path("primary_key").asBoolean(false))
                .nullable(n.path("null").asBoolean(false))
                .blank(n.path("blank").asBoolean(false))
                .unique(n.path("unique").asBoolean(false))
                .dbIndex(n.path("db_index").asBoolean(false))
                .editable(n.path("editable").asBoolean(true))
                .autoCreated(n.path("auto_created").asBoolean(false));
        n.path("params").fields().forEachRemaining(e -> b.param(e.getKey(), paramValue(e.getValue())));
        for (JsonNode c : n.path("choices")) b.choice(c.path(0).asText(), c.path(1).asText());
        JsonNode rel = n.get("relation");
        if (rel != null) {
            try {
                b.relation(new Relation(Relation.Kind.valueOf(rel.path("kind").asText()), rel.path("to").asText(),
                        OnDelete.valueOf(rel.path("on_delete").asText("CASCADE")),
                        rel.path("related_name").asText(""), rel.path("to_field").asText(""),
                        rel.path("db_constraint").asBoolean(true), rel.path("through").asText("")));
            } catch (IllegalArgumentException e) {
                throw new MigrationError(where + ": field '" + name + "' has an unknown relation kind or on_delete: "
                        + e.getMessage());
            }
        }
        if (n.has("default")) {
            String text = n.get("default").asText();
            FieldMeta partial = b.build();
            Object value;
            try {
                value = kind.parseDefault(text, partial);
            } catch (RuntimeException e) {
                throw new MigrationError(where + ": field '" + name + "' has the default '" + text
                        + "' that its kind cannot read: " + e.getMessage(), e);
            }
            b.defaultValue(value, text);
        }
        return b.build();
    }

    private static Object paramValue(JsonNode v) {
        if (v.isInt()) return v.intValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue();
        return v.asText();
    }

    private static FieldType kind(String className, String where) {
        FieldType cached = KINDS.get(className);
        if (cached != null) return cached;
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : ModelCodec.class.getClassLoader());
            FieldType kind = (FieldType) c.getDeclaredConstructor().newInstance();
            KINDS.put(className, kind);
            return kind;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new MigrationError(where + ": the field kind " + className + " cannot be loaded (" + e
                    + "). Put its module on the classpath; it needs a public no-argument constructor.", e);
        }
    }

    /** A model's options and fields as the body of a CreateModel operation. */
    public static ObjectNode model(ModelMeta m) {
        ObjectNode n = JSON.objectNode();
        n.put("name", m.modelName());
        if (!m.dbTable().equals(defaultTable(m.appLabel(), m.modelName()))) n.put("db_table", m.dbTable());
        ArrayNode fields = n.putArray("fields");
        for (FieldMeta f : m.fields()) fields.add(field(f));
        if (!m.ordering().isEmpty()) {
            ArrayNode o = n.putArray("ordering");
            m.ordering().forEach(o::add);
        }
        if (!m.indexes().isEmpty()) {
            ArrayNode a = n.putArray("indexes");
            m.indexes().forEach(i -> a.add(index(i)));
        }
        if (!m.uniqueTogether().isEmpty()) n.set("unique_together", uniqueTogether(m.uniqueTogether()));
        if (!m.constraints().isEmpty()) {
            ArrayNode a = n.putArray("constraints");
            m.constraints().forEach(c -> a.add(constraint(c)));
        }
        if (!m.managed()) n.put("managed", false);
        return n;
    }

    /** A model from the body of a CreateModel operation. */
    public static ModelMeta model(String app, JsonNode n, String where) {
        ModelMeta.Builder b = ModelMeta.builder(app, text(n, "name", where)).dbTable(n.path("db_table").asText(null));
        for (JsonNode f : n.path("fields")) b.field(field(f, where));
        List<String> ordering = new ArrayList<>();
        n.path("ordering").forEach(o -> ordering.add(o.asText()));
        b.ordering(ordering);
        n.path("indexes").forEach(i -> b.index(index(i, where)));
        uniqueTogether(n.path("unique_together")).forEach(b::uniqueTogether);
        n.path("constraints").forEach(c -> b.constraint(constraint(c, where)));
        b.managed(n.path("managed").asBoolean(true));
        return b.build();
    }

    static String defaultTable(String app, String model) {
        return app + "_" + model.toLowerCase(java.util.Locale.ROOT);
    }

    /** An index as JSON. */
    public static ObjectNode index(IndexMeta i) {
        ObjectNode n = JSON.objectNode();
        if (i.name() != null && !i.name().isEmpty()) n.put("name", i.name());
        ArrayNode f = n.putArray("fields");
        i.fields().forEach(f::add);
        if (i.unique()) n.put("unique", true);
        return n;
    }

    /** An index from JSON. */
    public static IndexMeta index(JsonNode n, String where) {
        List<String> fields = strings(n.path("fields"));
        if (fields.isEmpty()) throw new MigrationError(where + ": an index lists no fields.");
        return new IndexMeta(n.path("name").asText(""), fields, n.path("unique").asBoolean(false));
    }

    /** A constraint as JSON. */
    public static ObjectNode constraint(ConstraintMeta c) {
        ObjectNode n = JSON.objectNode();
        n.put("name", c.name());
        n.put("kind", c.kind().name());
        ArrayNode list = n.putArray(c.kind() == ConstraintMeta.Kind.CHECK ? "check" : "fields");
        (c.kind() == ConstraintMeta.Kind.CHECK ? c.conditions() : c.fields()).forEach(list::add);
        return n;
    }

    /** A constraint from JSON. */
    public static ConstraintMeta constraint(JsonNode n, String where) {
        String name = text(n, "name", where);
        ConstraintMeta.Kind kind;
        try {
            kind = ConstraintMeta.Kind.valueOf(text(n, "kind", where));
        } catch (IllegalArgumentException e) {
            throw new MigrationError(where + ": constraint '" + name + "' has kind " + n.path("kind").asText()
                    + "; use CHECK or UNIQUE.");
        }
        return kind == ConstraintMeta.Kind.CHECK
                ? new ConstraintMeta(name, kind, List.of(), strings(n.path("check")))
                : new ConstraintMeta(name, kind, strings(n.path("fields")), List.of());
    }

    /** unique-together sets as JSON. */
    public static ArrayNode uniqueTogether(List<List<String>> sets) {
        ArrayNode a = JSON.arrayNode();
        for (List<String> set : sets) {
            ArrayNode s = a.addArray();
            set.forEach(s::add);
        }
        return a;
    }

    /** unique-together sets from JSON. */
    public static List<List<String>> uniqueTogether(JsonNode n) {
        List<List<String>> out = new ArrayList<>();
        n.forEach(s -> out.add(strings(s)));
        return out;
    }

    /** A JSON array of strings. */
    public static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(s -> out.add(s.asText()));
        return out;
    }

    /** A required text attribute. */
    public static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new MigrationError(where + ": '" + key + "' is missing in " + n);
        }
        return v.asText();
    }
}
