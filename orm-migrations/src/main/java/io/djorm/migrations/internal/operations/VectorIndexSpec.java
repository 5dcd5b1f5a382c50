package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.vector.VectorIndex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A libSQL vector index as a migration file states it (orm-vector's {@link VectorIndex}): its name, the
 * model's vector field, the metric, the other options by their libSQL names, and whether a database
 * without vector indexes skips it ({@code if_supported}) instead of raising NotSupportedError.
 *
 * @param name the index name
 * @param field the indexed {@code @VectorField}
 * @param metric {@code cosine} or {@code l2}
 * @param options {@code max_neighbors}, {@code compress_neighbors}, {@code alpha}, {@code search_l}, {@code insert_l}
 * @param ifSupported whether databases without vector indexes (SQLite files, tursodb) skip it
 */
public record VectorIndexSpec(String name, String field, String metric, Map<String, String> options, boolean ifSupported) {

    /** Checks the spec the way {@link VectorIndex} checks its options, so a bad file fails when read. */
    public VectorIndexSpec {
        options = Map.copyOf(new LinkedHashMap<>(options));
        build(name, field, metric, options, "table", "column");
    }

    /** The spec of an orm-vector index on {@code field}. */
    public static VectorIndexSpec of(VectorIndex index, String field, boolean ifSupported) {
        return new VectorIndexSpec(index.name(), field, index.metric().option(), index.options(), ifSupported);
    }

    private static VectorIndex build(String name, String field, String metric, Map<String, String> options,
                                     String table, String column) {
        try {
            VectorIndex index = new VectorIndex(name, table, column).metric(VectorIndex.metricOf(metric));
            for (Map.Entry<String, String> option : new java.util.TreeMap<>(options).entrySet()) {
                index = index.option(option.getKey(), option.getValue());
            }
            return index;
        } catch (IllegalArgumentException e) {
            throw new MigrationError("Vector index '" + name + "' on field '" + field + "': " + e.getMessage());
        }
    }

    /** This spec on another field, after a RenameField. */
    public VectorIndexSpec onField(String newField) {
        return new VectorIndexSpec(name, newField, metric, options, ifSupported);
    }

    /** The index on the model's table and the field's column as the state has them. */
    VectorIndex on(ModelMeta model) {
        FieldMeta f = model.findField(field);
        if (f == null) {
            throw new FieldError("Vector index '" + name + "' is on field '" + field + "', which model " + model.label()
                    + " does not have in the migration history.");
        }
        return build(name, field, metric, options, model.dbTable(), f.column());
    }

    /** Creates the index (or renders its SQL); skipped where unsupported when {@link #ifSupported}. */
    void create(SchemaOps ops, ModelMeta model) {
        VectorIndex index = on(model);
        if (ops.renderOnly()) {
            ops.execute(index.createSql());
        } else if (ifSupported) {
            index.createIfSupported(ops.connection());
        } else {
            try {
                index.create(ops.connection());
            } catch (io.djorm.core.NotSupportedError e) {
                throw new io.djorm.core.NotSupportedError(e.getMessage() + " In a migration, add \"if_supported\" : true"
                        + " to the AddVectorIndex operation to skip the index on such databases.", e);
            }
        }
    }

    /** Drops the index if it exists (or renders the statement). */
    void drop(SchemaOps ops, ModelMeta model) {
        VectorIndex index = on(model);
        if (ops.renderOnly()) ops.execute(index.dropSql());
        else index.dropIfExists(ops.connection());
    }

    /** Writes the spec's keys into an operation's JSON. */
    ObjectNode write(ObjectNode n) {
        n.put("name", name).put("field", field).put("metric", metric);
        ObjectNode o = n.putObject("options");
        new java.util.TreeMap<>(options).forEach(o::put);
        if (ifSupported) n.put("if_supported", true);
        return n;
    }

    /** Reads a spec from an operation's JSON; {@code where} names the file for errors. */
    static VectorIndexSpec read(JsonNode n, String where) {
        Map<String, String> options = new LinkedHashMap<>();
        n.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new VectorIndexSpec(ModelCodec.text(n, "name", where), ModelCodec.text(n, "field", where),
                n.path("metric").asText("cosine"), options, n.path("if_supported").asBoolean(false));
    }
}
