package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;
import java.util.Set;

/** Changes a field's definition, keeping its data. Reverse: changes it back. */
public record AlterField(String model, FieldMeta field) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        ModelMeta m = state.get(app, model);
        m.field(field.name());
        state.put(m.toBuilder().replaceField(field.name(), field).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        FieldMeta old = before.get(app, model).field(field.name());
        ops.alterField(after.get(app, model), old, field);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta m = before.get(app, model);
        ops.alterField(m, after.get(app, model).field(field.name()), m.field(field.name()));
    }

    @Override public String describe() { return "Alter field " + field.name() + " on " + Json.lower(model); }

    @Override public String nameFragment() { return "alter_" + Json.lower(model) + "_" + Json.lower(field.name()); }

    @Override public Set<String> references() { return Json.targets(List.of(field)); }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("AlterField").put("model", model);
        n.set("field", ModelCodec.field(field));
        return n;
    }
}
