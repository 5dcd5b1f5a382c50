package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;

/** Creates a Meta index. Reverse: drops it. */
public record AddIndex(String model, IndexMeta index) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.put(state.get(app, model).toBuilder().index(index).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.addIndex(after.get(app, model), index);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.removeIndex(after.get(app, model), index);
    }

    @Override public String describe() { return "Create index " + label(index) + " on " + Json.lower(model); }

    /** How an index is named in messages: its name, or the fields of an unnamed one. */
    static String label(IndexMeta index) {
        return index.name() == null || index.name().isEmpty() ? "on " + String.join(", ", index.fields()) : index.name();
    }

    @Override public String nameFragment() {
        return Json.lower(model) + "_" + String.join("_", index.fields()).replace("-", "") + "_idx";
    }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("AddIndex").put("model", model);
        n.set("index", ModelCodec.index(index));
        return n;
    }

    /** Removes the first index equal to {@code index} from a model. */
    static ModelMeta without(ModelMeta m, IndexMeta index) {
        ModelMeta.Builder b = m.toBuilder();
        if (!b.indexes().remove(index)) {
            throw new io.djorm.core.FieldError("Model " + m.label() + " has no index " + index + " in the migration history.");
        }
        return b.build();
    }
}
