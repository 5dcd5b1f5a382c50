package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.Set;

/** Creates a model's table, indexes and join tables. Reverse: drops them. */
public record CreateModel(ModelMeta model) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) { state.put(model); }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.createModel(after.get(app, model.modelName()));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.deleteModel(after.get(app, model.modelName()));
    }

    @Override public String describe() { return "Create model " + model.modelName(); }

    @Override public String nameFragment() { return Json.lower(model.modelName()); }

    @Override public Set<String> references() { return Json.targets(model.fields()); }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("CreateModel");
        n.setAll(ModelCodec.model(model));
        return n;
    }
}
