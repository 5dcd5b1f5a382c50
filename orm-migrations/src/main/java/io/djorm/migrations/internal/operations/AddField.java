package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.FieldMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;
import java.util.Set;

/** Adds a field (a column, or a join table for many-to-many). Reverse: removes it. */
public record AddField(String model, FieldMeta field) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        var m = state.get(app, model);
        if (m.findField(field.name()) != null) {
            throw new io.djorm.core.FieldError("Cannot add field '" + field.name() + "' to " + m.label()
                    + ": the migration history already has it.");
        }
        state.put(m.toBuilder().field(field).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.addField(after.get(app, model), field);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.removeField(after.get(app, model), field);
    }

    @Override public String describe() { return "Add field " + field.name() + " to " + Json.lower(model); }

    @Override public String nameFragment() { return Json.lower(model) + "_" + Json.lower(field.name()); }

    @Override public Set<String> references() { return Json.targets(List.of(field)); }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("AddField").put("model", model);
        n.set("field", ModelCodec.field(field));
        return n;
    }
}
