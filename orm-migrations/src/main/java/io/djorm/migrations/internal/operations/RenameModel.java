package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;

/**
 * Renames a model. Its table follows when it had the derived name ({@code <app>_<model>}); relations
 * pointing at it are re-pointed in the state (SQLite rewrites their REFERENCES clauses itself), and the
 * join-table columns named after the model are renamed, for its own many-to-many fields and those
 * pointing at it.
 */
public record RenameModel(String oldName, String newName) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        ModelMeta old = state.get(app, oldName);
        String oldDefault = defaultTable(app, oldName);
        String table = old.dbTable().equals(oldDefault) ? defaultTable(app, newName) : old.dbTable();
        ModelMeta.Builder b = ModelMeta.builder(app, newName).dbTable(table).ordering(old.ordering()).managed(old.managed());
        old.fields().forEach(f -> b.field(retarget(f, old.label(), app + "." + newName)));
        old.indexes().forEach(b::index);
        old.uniqueTogether().forEach(b::uniqueTogether);
        old.constraints().forEach(b::constraint);
        List<VectorIndexSpec> vectorIndexes = state.vectorIndexes(app, oldName);
        state.remove(app, oldName);
        for (ModelMeta referrer : state.referrers(old.label())) {
            ModelMeta.Builder rb = referrer.toBuilder();
            for (FieldMeta f : referrer.fields()) rb.replaceField(f.name(), retarget(f, old.label(), app + "." + newName));
            state.put(rb.build());
        }
        state.put(b.build());
        vectorIndexes.forEach(i -> state.addVectorIndex(app, newName, i));
    }

    private static FieldMeta retarget(FieldMeta f, String oldLabel, String newLabel) {
        if (!f.isRelation() || !f.relation().target().equalsIgnoreCase(oldLabel)) return f;
        return f.toBuilder().relation(ProjectState.withTarget(f.relation(), newLabel)).build();
    }

    private static String defaultTable(String app, String model) {
        return app + "_" + Json.lower(model);
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta from = before.get(app, oldName);
        ModelMeta to = after.get(app, newName);
        JoinTableColumns.rename(ops, after, to.label(), oldName, from.dbTable());
        ops.alterDbTable(to, from.dbTable(), to.dbTable());
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ModelMeta from = before.get(app, oldName);
        ModelMeta to = after.get(app, newName);
        JoinTableColumns.rename(ops, before, from.label(), newName, to.dbTable());
        ops.alterDbTable(from, to.dbTable(), from.dbTable());
    }

    @Override public String describe() { return "Rename model " + oldName + " to " + newName; }

    @Override public String nameFragment() { return "rename_" + Json.lower(oldName) + "_" + Json.lower(newName); }

    @Override public ObjectNode toJson() { return Json.op("RenameModel").put("old_name", oldName).put("new_name", newName); }
}
