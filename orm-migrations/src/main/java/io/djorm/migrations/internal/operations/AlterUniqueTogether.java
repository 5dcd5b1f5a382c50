package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;

/** Replaces a model's unique-together sets. Reverse: restores the previous sets. */
public record AlterUniqueTogether(String model, List<List<String>> sets) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        ModelMeta.Builder b = state.get(app, model).toBuilder();
        b.uniqueTogetherSets().clear();
        b.uniqueTogetherSets().addAll(sets);
        state.put(b.build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.alterUniqueTogether(after.get(app, model), before.get(app, model).uniqueTogether(), sets);
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta m = before.get(app, model);
        ops.alterUniqueTogether(m, sets, m.uniqueTogether());
    }

    @Override public String describe() { return "Alter unique_together for " + Json.lower(model) + " (" + sets.size() + " constraint(s))"; }

    @Override public String nameFragment() { return "alter_" + Json.lower(model) + "_unique_together"; }

    @Override public ObjectNode toJson() {
        ObjectNode n = Json.op("AlterUniqueTogether").put("model", model);
        n.set("unique_together", ModelCodec.uniqueTogether(sets));
        return n;
    }
}
