package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;

/** Adds a CHECK or UNIQUE constraint. Reverse: removes it. */
public record AddConstraint(String model, ConstraintMeta constraint) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.put(state.get(app, model).toBuilder().constraint(constraint).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.addConstraint(before.get(app, model), constraint);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.removeConstraint(after.get(app, model), constraint);
    }

    @Override public String describe() { return "Create constraint " + constraint.name() + " on model " + Json.lower(model); }

    @Override public String nameFragment() { return Json.lower(model) + "_" + Json.lower(constraint.name()); }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("AddConstraint").put("model", model);
        n.set("constraint", ModelCodec.constraint(constraint));
        return n;
    }

    /** The model without the named constraint. */
    static ModelMeta without(ModelMeta m, String name) {
        ModelMeta.Builder b = m.toBuilder();
        if (!b.constraints().removeIf(c -> c.name().equals(name))) {
            throw new io.djorm.core.FieldError("Model " + m.label() + " has no constraint '" + name + "' in the migration history.");
        }
        return b.build();
    }
}
