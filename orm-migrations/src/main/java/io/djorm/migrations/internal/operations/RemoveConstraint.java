package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;

/** Removes a constraint; the file keeps its definition so that the reverse can add it back. */
public record RemoveConstraint(String model, ConstraintMeta constraint) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.put(AddConstraint.without(state.get(app, model), constraint.name()));
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.removeConstraint(before.get(app, model), constraint);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.addConstraint(after.get(app, model), constraint);
    }

    @Override public String describe() { return "Remove constraint " + constraint.name() + " from model " + Json.lower(model); }

    @Override public String nameFragment() { return "remove_" + Json.lower(model) + "_" + Json.lower(constraint.name()); }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("RemoveConstraint").put("model", model);
        n.set("constraint", ModelCodec.constraint(constraint));
        return n;
    }
}
