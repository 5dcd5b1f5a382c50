package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/** Drops a model's table. Reverse: creates it again, empty. */
public record DeleteModel(String name) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.get(app, name);
        state.remove(app, name);
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.deleteModel(before.get(app, name));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.createModel(before.get(app, name));
    }

    @Override public String describe() { return "Delete model " + name; }

    @Override public String nameFragment() { return "delete_" + Json.lower(name); }

    @Override public ObjectNode toJson() { return Json.op("DeleteModel").put("name", name); }
}
