package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/**
 * Creates a libSQL vector index (orm-vector's {@code VectorIndex}; Django / pgvector:
 * {@code AddIndex(model_name, HnswIndex(...))}). Raises NotSupportedError on databases without vector
 * indexes unless the spec says {@code if_supported}. The state records it, so makemigrations compares it with the models' {@code @VectorIndexed}. Reverse: drops it.
 */
public record AddVectorIndex(String model, VectorIndexSpec index) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.get(app, model); // the model must exist at this point of the history
        state.addVectorIndex(app, model, index);
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        index.create(ops, after.get(app, model));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        index.drop(ops, after.get(app, model));
    }

    @Override public String describe() { return "Create vector index " + index.name() + " on " + Json.lower(model) + "." + index.field(); }

    @Override public String nameFragment() { return Json.lower(model) + "_" + index.field() + "_vidx"; }

    @Override public ObjectNode toJson() {
        return index.write(Json.op("AddVectorIndex").put("model", model));
    }
}
