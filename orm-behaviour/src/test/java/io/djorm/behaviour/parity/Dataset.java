package io.djorm.behaviour.parity;

import com.fasterxml.jackson.databind.JsonNode;
import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the fixed dataset of parity/django/dataset.py (as the generator wrote it to dataset.json)
 * through djorm's public API: bulkCreate with explicit keys, then many-to-many add.
 */
final class Dataset {
    private static final String PACKAGE = Dataset.class.getPackageName() + ".";

    private Dataset() {
    }

    /** The parity models, parents before children. */
    static List<Class<?>> models() {
        return List.of(Publisher.class, Author.class, Profile.class, Tag.class, Book.class, Review.class, Loan.class);
    }

    /** Inserts every row of the dataset into the (empty) current database. */
    static void load(JsonNode dataset) {
        for (JsonNode table : dataset.get("tables")) {
            Class<? extends Model> model = model(table.get("model").asText());
            List<Model> rows = new ArrayList<>();
            for (JsonNode row : table.get("rows")) rows.add(instance(model, row));
            manager(model).bulkCreate(rows);
        }
        for (JsonNode m2m : dataset.get("m2m")) {
            Manager<Model> owner = manager(model(m2m.get("model").asText()));
            Manager<Model> target = manager(model(m2m.get("target").asText()));
            for (JsonNode link : m2m.get("links")) {
                Model m = owner.get("pk", link.get(0).asLong());
                List<Object> keys = new ArrayList<>();
                link.get(1).forEach(k -> keys.add(k.asLong()));
                related(m, m2m.get("field").asText()).add(target.filter("pk__in", keys).list());
            }
        }
    }

    private static Model instance(Class<? extends Model> model, JsonNode row) {
        try {
            Model m = model.getDeclaredConstructor().newInstance();
            Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                m.set(f.getKey(), value(f.getValue()));
            }
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        return v.asText();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Model> model(String name) {
        try {
            return (Class<? extends Model>) Class.forName(PACKAGE + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the dataset names a model without a Java twin: " + name, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Manager<Model> manager(Class<? extends Model> model) {
        return (Manager) Manager.of(model);
    }

    @SuppressWarnings("unchecked")
    private static ManyRelated<Model> related(Model m, String field) {
        try {
            return (ManyRelated<Model>) m.getClass().getField(field).get(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
