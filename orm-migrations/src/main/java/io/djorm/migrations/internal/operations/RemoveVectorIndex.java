package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/**
 * Drops a libSQL vector index (Django: {@code RemoveIndex}); nothing to drop is no error, so it runs
 * on databases without vector indexes too. Reverse: creates it again from the full spec it keeps.
 */
public record RemoveVectorIndex(String model, VectorIndexSpec index) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.get(app, model); // the model must exist at this point of the history
        state.removeVectorIndex(app, model, index.name());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        index.drop(ops, before.get(app, model));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        index.create(ops, before.get(app, model));
    }

    @Override public String describe() { return "Remove vector index " + index.name() + " from " + Json.lower(model); }

    @Override public String nameFragment() { return "remove_" + Json.lower(model) + "_" + index.field() + "_vidx"; }

    @Override public ObjectNode toJson() {
        return index.write(Json.op("RemoveVectorIndex").put("model", model));
    }
}
