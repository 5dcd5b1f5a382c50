package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/** Removes a field. Reverse: adds it back (its old values are gone; the default fills it). */
public record RemoveField(String model, String name) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        ModelMeta m = state.get(app, model);
        m.field(name);
        state.put(m.toBuilder().removeField(name).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta m = before.get(app, model);
        ops.removeField(m, m.field(name));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta m = before.get(app, model);
        ops.addField(m, m.field(name));
    }

    @Override public String describe() { return "Remove field " + name + " from " + Json.lower(model); }

    @Override public String nameFragment() { return "remove_" + Json.lower(model) + "_" + Json.lower(name); }

    @Override public ObjectNode toJson() { return Json.op("RemoveField").put("model", model).put("name", name); }
}
