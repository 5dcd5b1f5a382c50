package io.djorm.migrations.internal.operations;

import io.djorm.core.OnDelete;
import io.djorm.core.internal.JoinTableNames;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames the key columns that automatic many-to-many join tables derive from a model's name
 * ({@code <model>_id}, or {@code from_<model>_id}/{@code to_<model>_id} for a relation to itself), as
 * Django's RenameModel does, for fields declared on the renamed model and fields pointing at it. The
 * join table is described the way the ManyToManyField documents it, and each column goes through the
 * schema editor's renameField, which also renames the indexes named after it.
 */
final class JoinTableColumns {
    private JoinTableColumns() {
    }

    /**
     * Renames the join columns to match the model {@code label} of {@code state}, which took its name in
     * place of {@code previousName}. Runs before the model's table is renamed: the join tables of its
     * own fields still carry the name of {@code currentTable} then, and the table rename that follows
     * finds their columns (and the index names made of them) already as they should be.
     */
    static void rename(SchemaOps ops, ProjectState state, String label, String previousName, String currentTable) {
        for (ModelMeta owner : state.models()) {
            for (FieldMeta field : owner.fields()) {
                if (!isAutoJoin(field)) continue;
                ModelMeta target = state.resolve(field.relation().target());
                boolean ownerRenamed = owner.label().equalsIgnoreCase(label);
                boolean targetRenamed = target.label().equalsIgnoreCase(label);
                if (!ownerRenamed && !targetRenamed) continue;
                List<String> before = JoinTableNames.keyNames(ownerRenamed ? previousName : owner.modelName(),
                        targetRenamed ? previousName : target.modelName());
                String table = JoinTableNames.table(ownerRenamed ? currentTable : owner.dbTable(), field.name());
                renameKeys(ops, owner, field, table, target, before, JoinTableNames.keyNames(owner.modelName(), target.modelName()));
            }
        }
    }

    private static boolean isAutoJoin(FieldMeta field) {
        return field.isRelation() && field.relation().kind() == Relation.Kind.MANY_TO_MANY
                && (field.relation().through() == null || field.relation().through().isEmpty());
    }

    /** One key at a time, so each call sees the table as it is at that moment. */
    private static void renameKeys(SchemaOps ops, ModelMeta owner, FieldMeta field, String table, ModelMeta target,
                                   List<String> before, List<String> after) {
        List<String> current = new ArrayList<>(before);
        List<String> labels = List.of(owner.label(), target.label());
        for (int i = 0; i < 2; i++) {
            if (current.get(i).equals(after.get(i))) continue;
            ModelMeta join = joinModel(owner, field, table, current, labels);
            FieldMeta oldKey = join.field(current.get(i));
            current.set(i, after.get(i));
            ops.renameField(join, oldKey, key(after.get(i), labels.get(i)));
        }
    }

    /** The join table as a model: {@code id} and the two keys, unique together. */
    private static ModelMeta joinModel(ModelMeta owner, FieldMeta field, String table, List<String> keys,
                                       List<String> labels) {
        FieldMeta id = FieldMeta.builder("id", new AutoType()).primaryKey(true).autoCreated(true).build();
        return ModelMeta.builder(owner.appLabel(), JoinTableNames.modelName(owner.modelName(), field.name()))
                .dbTable(table)
                .field(id).field(key(keys.get(0), labels.get(0))).field(key(keys.get(1), labels.get(1)))
                .uniqueTogether(keys)
                .build();
    }

    private static FieldMeta key(String name, String targetLabel) {
        return FieldMeta.builder(name, new ForeignKeyType()).relation(new Relation(Relation.Kind.MANY_TO_ONE,
                targetLabel, OnDelete.CASCADE, "+", "", true, "")).build();
    }
}
