package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;

/**
 * Renames a field, keeping its data. A column named after the field follows the new name; indexes,
 * unique-together sets and constraints that name the field are updated. Reverse: renames it back.
 */
public record RenameField(String model, String oldName, String newName) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
        ModelMeta m = state.get(app, model);
        FieldMeta old = m.field(oldName);
        FieldMeta.Builder fb = old.toBuilder().name(newName);
        if (old.column().equals(derivedColumn(old, oldName))) fb.column(null);
        ModelMeta.Builder b = m.toBuilder().replaceField(oldName, fb.build());
        b.indexes().replaceAll(i -> new IndexMeta(i.name(), rename(i.fields()), i.unique()));
        b.uniqueTogetherSets().replaceAll(this::rename);
        b.constraints().replaceAll(c -> new ConstraintMeta(c.name(), c.kind(), rename(c.fields()),
                c.conditions().stream().map(this::renameCondition).toList()));
        state.put(b.build());
        state.renameVectorIndexField(app, model, oldName, newName);
    }

    private static String derivedColumn(FieldMeta f, String name) {
        return f.isRelation() && f.relation().kind() != Relation.Kind.MANY_TO_MANY ? name + "_id" : name;
    }

    private List<String> rename(List<String> names) {
        return names.stream().map(n -> n.equals(oldName) ? newName : n.equals("-" + oldName) ? "-" + newName : n).toList();
    }

    private String renameCondition(String condition) {
        if (condition.startsWith(oldName + "__") || condition.startsWith(oldName + "=")) {
            return newName + condition.substring(oldName.length());
        }
        return condition;
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.renameField(after.get(app, model), before.get(app, model).field(oldName), after.get(app, model).field(newName));
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        ops.renameField(before.get(app, model), after.get(app, model).field(newName), before.get(app, model).field(oldName));
    }

    @Override public String describe() { return "Rename field " + oldName + " on " + Json.lower(model) + " to " + newName; }

    @Override public String nameFragment() {
        return "rename_" + Json.lower(oldName) + "_" + Json.lower(model) + "_" + Json.lower(newName);
    }

    @Override public ObjectNode toJson() {
        return Json.op("RenameField").put("model", model).put("old_name", oldName).put("new_name", newName);
    }
}
