package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.IndexMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;

/** Drops a Meta index. Reverse: creates it again. */
public record RemoveIndex(String model, IndexMeta index) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.put(AddIndex.without(state.get(app, model), index));
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.removeIndex(before.get(app, model), index);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.addIndex(before.get(app, model), index);
    }

    @Override public String describe() { return "Remove index " + AddIndex.label(index) + " from " + Json.lower(model); }

    @Override public String nameFragment() {
        return "remove_" + Json.lower(model) + "_" + String.join("_", index.fields()).replace("-", "") + "_idx";
    }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("RemoveIndex").put("model", model);
        n.set("index", ModelCodec.index(index));
        return n;
    }
}
