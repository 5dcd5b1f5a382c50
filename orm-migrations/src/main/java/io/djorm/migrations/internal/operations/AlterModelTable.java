package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/** Renames a model's table (Django: {@code AlterModelTable}). Reverse: renames it back. */
public record AlterModelTable(String name, String table) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        state.put(state.get(app, name).toBuilder().dbTable(table).build());
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta to = after.get(app, name);
        ops.alterDbTable(to, before.get(app, name).dbTable(), to.dbTable());
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta from = before.get(app, name);
        ops.alterDbTable(from, after.get(app, name).dbTable(), from.dbTable());
    }

    @Override public String describe() { return "Rename table for " + name + " to " + table; }

    @Override public String nameFragment() { return "alter_" + Json.lower(name) + "_table"; }

    @Override public ObjectNode toJson() { return Json.op("AlterModelTable").put("name", name).put("table", table); }
}
