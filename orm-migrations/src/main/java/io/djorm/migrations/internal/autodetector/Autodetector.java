package io.djorm.migrations.internal.autodetector;

import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.migrations.RenameQuestioner;
import io.djorm.migrations.internal.operations.AddConstraint;
import io.djorm.migrations.internal.operations.AddField;
import io.djorm.migrations.internal.operations.AddIndex;
import io.djorm.migrations.internal.operations.AddVectorIndex;
import io.djorm.migrations.internal.operations.AlterField;
import io.djorm.migrations.internal.operations.AlterModelTable;
import io.djorm.migrations.internal.operations.AlterUniqueTogether;
import io.djorm.migrations.internal.operations.CreateModel;
import io.djorm.migrations.internal.operations.DeleteModel;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.operations.RemoveConstraint;
import io.djorm.migrations.internal.operations.RemoveField;
import io.djorm.migrations.internal.operations.RemoveIndex;
import io.djorm.migrations.internal.operations.RemoveVectorIndex;
import io.djorm.migrations.internal.operations.RenameField;
import io.djorm.migrations.internal.operations.RenameModel;
import io.djorm.migrations.internal.operations.VectorIndexSpec;
import io.djorm.migrations.internal.state.ModelCodec;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the state the migrations build with the state of the models and lists, per app, the
 * operations that turn one into the other (Django: {@code MigrationAutodetector}). Possible renames go
 * to a {@link RenameQuestioner}. Operations come in an order that the database can follow: new models
 * (targets first), renames, added and altered fields, removed indexes and constraints, removed fields,
 * new indexes and constraints, and deleted models last.
 */
public final class Autodetector {
    private final ProjectState from;
    private final ProjectState to;
    private final RenameQuestioner questioner;

    /** Compares {@code from} (history) with {@code to} (models). */
    public Autodetector(ProjectState from, ProjectState to, RenameQuestioner questioner) {
        this.from = from.copy();
        this.to = to;
        this.questioner = questioner;
    }

    /** The operations per app, apps sorted; an app without changes is absent. */
    public Map<String, List<Operation>> changes(Set<String> apps) {
        // Model renames first, in every app: they re-point relations of other apps in the old state,
        // which must not then read as altered fields of those apps.
        Map<String, Buckets> buckets = new TreeMap<>();
        for (String app : new TreeSet<>(apps)) {
            Buckets b = new Buckets();
            detectModelRenames(app, byName(from.models(app)), byName(to.models(app)), b);
            buckets.put(app, b);
        }
        Map<String, List<Operation>> out = new TreeMap<>();
        for (Map.Entry<String, Buckets> e : buckets.entrySet()) {
            List<Operation> ops = changes(e.getKey(), e.getValue());
            if (!ops.isEmpty()) out.put(e.getKey(), ops);
        }
        return out;
    }

    /** The app's operations besides model renames, with the old state already past them. */
    private List<Operation> changes(String app, Buckets b) {
        Map<String, ModelMeta> oldModels = byName(from.models(app));
        Map<String, ModelMeta> newModels = byName(to.models(app));
        for (ModelMeta created : createOrder(newModels, oldModels)) {
            b.creates.add(new CreateModel(created));
            for (VectorIndexSpec i : to.vectorIndexes(app, created.modelName())) b.addOptions.add(new AddVectorIndex(created.modelName(), i));
        }
        for (String name : oldModels.keySet()) {
            if (!newModels.containsKey(name)) b.deletes.add(new DeleteModel(oldModels.get(name).modelName()));
        }
        for (String name : newModels.keySet()) {
            ModelMeta old = oldModels.get(name);
            if (old != null) compareModel(old, newModels.get(name), b);
        }
        return b.all();
    }

    private void detectModelRenames(String app, Map<String, ModelMeta> oldModels, Map<String, ModelMeta> newModels, Buckets b) {
        for (String removed : new ArrayList<>(oldModels.keySet())) {
            if (newModels.containsKey(removed)) continue;
            ModelMeta old = oldModels.get(removed);
            List<String> candidates = new ArrayList<>();
            boolean renamed = false;
            for (String added : new ArrayList<>(newModels.keySet())) {
                if (oldModels.containsKey(added)) continue;
                ModelMeta candidate = newModels.get(added);
                if (!fieldsOf(old).equals(fieldsOf(candidate))) continue;
                candidates.add(candidate.modelName());
                if (questioner.isRename("model", old.label(), old.modelName(), candidate.modelName())) {
                    RenameModel rename = new RenameModel(old.modelName(), candidate.modelName());
                    b.renames.add(rename);
                    rename.stateForwards(app, from);
                    oldModels.remove(removed);
                    oldModels.put(added, from.get(app, candidate.modelName()));
                    renamed = true;
                    break;
                }
            }
            if (!renamed && !candidates.isEmpty()) {
                questioner.removedDespiteCandidates("model", old.label(), old.modelName(), candidates);
            }
        }
    }

    /** The fields as compared for a rename: a relation to the model itself reads "self", since its label changes too. */
    private static List<String> fieldsOf(ModelMeta m) {
        return m.fields().stream().map(f -> ModelCodec.field(selfAgnostic(m, f)).toString()).toList();
    }

    private static FieldMeta selfAgnostic(ModelMeta m, FieldMeta f) {
        if (!f.isRelation() || !f.relation().target().equalsIgnoreCase(m.label())) return f;
        return f.toBuilder().relation(ProjectState.withTarget(f.relation(), "self")).build();
    }

    /** New models, each after the new models of its app that it points at. */
    private static List<ModelMeta> createOrder(Map<String, ModelMeta> newModels, Map<String, ModelMeta> oldModels) {
        List<ModelMeta> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<ModelMeta> pending = new ArrayList<>(newModels.values().stream()
                .filter(m -> !oldModels.containsKey(key(m))).toList());
        while (!pending.isEmpty()) {
            ModelMeta next = pending.stream().filter(m -> pendingTargets(m, pending).isEmpty()).findFirst().orElse(pending.get(0));
            pending.remove(next);
            placed.add(key(next));
            order.add(next);
        }
        return order;
    }

    private static Set<String> pendingTargets(ModelMeta m, List<ModelMeta> pending) {
        Set<String> out = new HashSet<>();
        for (FieldMeta f : m.fields()) {
            if (!f.isRelation()) continue;
            for (ModelMeta p : pending) {
                if (p != m && f.relation().target().equalsIgnoreCase(p.label())) out.add(key(p));
            }
        }
        return out;
    }

    private void compareModel(ModelMeta old, ModelMeta now, Buckets b) {
        String model = now.modelName();
        if (!old.dbTable().equals(now.dbTable())) b.renames.add(new AlterModelTable(model, now.dbTable()));
        Map<String, FieldMeta> oldFields = fieldMap(old);
        Map<String, FieldMeta> newFields = fieldMap(now);
        for (String name : new ArrayList<>(oldFields.keySet())) {
            if (newFields.containsKey(name)) continue;
            FieldMeta gone = oldFields.get(name);
            List<String> candidates = new ArrayList<>();
            boolean renamed = false;
            for (String added : newFields.keySet()) {
                if (oldFields.containsKey(added) || !sameKind(gone, newFields.get(added))) continue;
                candidates.add(added);
                if (questioner.isRename("field", now.label(), name, added)) {
                    b.renames.add(new RenameField(model, name, added));
                    oldFields.remove(name);
                    // The old definition under its new name: any other difference becomes an AlterField.
                    oldFields.put(added, renamed(gone, added));
                    renamed = true;
                    break;
                }
            }
            if (!renamed && !candidates.isEmpty()) questioner.removedDespiteCandidates("field", now.label(), name, candidates);
        }
        for (Map.Entry<String, FieldMeta> e : newFields.entrySet()) {
            FieldMeta before = oldFields.get(e.getKey());
            if (before == null) b.addFields.add(new AddField(model, e.getValue()));
            else if (!ModelCodec.field(before).equals(ModelCodec.field(e.getValue()))) b.alterFields.add(new AlterField(model, e.getValue()));
        }
        for (String name : oldFields.keySet()) {
            if (!newFields.containsKey(name)) b.removeFields.add(new RemoveField(model, name));
        }
        List<IndexMeta> oldIndexes = renamedIndexes(old, b, model);
        for (IndexMeta i : oldIndexes) if (!now.indexes().contains(i)) b.removeOptions.add(new RemoveIndex(model, i));
        for (IndexMeta i : now.indexes()) if (!oldIndexes.contains(i)) b.addOptions.add(new AddIndex(model, i));
        compareVectorIndexes(old, now, b);
        Map<String, ConstraintMeta> oldConstraints = constraintMap(old);
        Map<String, ConstraintMeta> newConstraints = constraintMap(now);
        oldConstraints.forEach((name, c) -> {
            if (!c.equals(newConstraints.get(name))) b.removeOptions.add(new RemoveConstraint(model, c));
        });
        newConstraints.forEach((name, c) -> {
            if (!c.equals(oldConstraints.get(name))) b.addOptions.add(new AddConstraint(model, c));
        });
        if (!renamedSets(old, b, model).equals(now.uniqueTogether())) {
            b.uniqueTogether.add(new AlterUniqueTogether(model, now.uniqueTogether()));
        }
    }

    /** Vector indexes (orm-vector) as indexes: a changed one is removed and added again. */
    private void compareVectorIndexes(ModelMeta old, ModelMeta now, Buckets b) {
        String model = now.modelName();
        List<VectorIndexSpec> before = new ArrayList<>(from.vectorIndexes(old.appLabel(), old.modelName()));
        for (Operation op : b.renames) {
            if (op instanceof RenameField r && r.model().equals(model)) {
                before.replaceAll(i -> i.field().equals(r.oldName()) ? i.onField(r.newName()) : i);
            }
        }
        List<VectorIndexSpec> after = to.vectorIndexes(now.appLabel(), model);
        for (VectorIndexSpec i : before) if (!after.contains(i)) b.removeOptions.add(new RemoveVectorIndex(model, i));
        for (VectorIndexSpec i : after) if (!before.contains(i)) b.addOptions.add(new AddVectorIndex(model, i));
    }

    /** The old model's indexes as they read after this migration's field renames. */
    private static List<IndexMeta> renamedIndexes(ModelMeta old, Buckets b, String model) {
        List<IndexMeta> out = new ArrayList<>(old.indexes());
        for (Operation op : b.renames) {
            if (op instanceof RenameField r && r.model().equals(model)) {
                out.replaceAll(i -> new IndexMeta(i.name(), i.fields().stream().map(f -> f.equals(r.oldName()) ? r.newName()
                        : f.equals("-" + r.oldName()) ? "-" + r.newName() : f).toList(), i.unique()));
            }
        }
        return out;
    }

    private static List<List<String>> renamedSets(ModelMeta old, Buckets b, String model) {
        List<List<String>> out = new ArrayList<>(old.uniqueTogether());
        for (Operation op : b.renames) {
            if (op instanceof RenameField r && r.model().equals(model)) {
                out.replaceAll(s -> s.stream().map(f -> f.equals(r.oldName()) ? r.newName() : f).toList());
            }
        }
        return out;
    }

    /** Fields of the same kind pointing at the same model could be one field renamed. */
    private static boolean sameKind(FieldMeta a, FieldMeta b) {
        if (!a.type().getClass().equals(b.type().getClass()) || a.isRelation() != b.isRelation()) return false;
        return !a.isRelation() || a.relation().target().equalsIgnoreCase(b.relation().target());
    }

    private static FieldMeta renamed(FieldMeta f, String newName) {
        String derived = f.isRelation() && f.relation().kind() != Relation.Kind.MANY_TO_MANY ? f.name() + "_id" : f.name();
        return f.toBuilder().name(newName).column(f.column().equals(derived) ? null : f.column()).build();
    }

    private static Map<String, FieldMeta> fieldMap(ModelMeta m) {
        Map<String, FieldMeta> out = new LinkedHashMap<>();
        m.fields().forEach(f -> out.put(f.name(), f));
        return out;
    }

    private static Map<String, ConstraintMeta> constraintMap(ModelMeta m) {
        Map<String, ConstraintMeta> out = new TreeMap<>();
        m.constraints().forEach(c -> out.put(c.name(), c));
        return out;
    }

    private static Map<String, ModelMeta> byName(List<ModelMeta> models) {
        Map<String, ModelMeta> out = new TreeMap<>();
        models.forEach(m -> out.put(key(m), m));
        return out;
    }

    private static String key(ModelMeta m) {
        return m.modelName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Operations grouped by the phase they run in. */
    private static final class Buckets {
        final List<Operation> creates = new ArrayList<>();
        final List<Operation> renames = new ArrayList<>();
        final List<Operation> addFields = new ArrayList<>();
        final List<Operation> alterFields = new ArrayList<>();
        final List<Operation> removeOptions = new ArrayList<>();
        final List<Operation> uniqueTogether = new ArrayList<>();
        final List<Operation> removeFields = new ArrayList<>();
        final List<Operation> addOptions = new ArrayList<>();
        final List<Operation> deletes = new ArrayList<>();

        List<Operation> all() {
            List<Operation> out = new ArrayList<>();
            for (List<Operation> l : List.of(creates, renames, addFields, alterFields, removeOptions, uniqueTogether,
                    removeFields, addOptions, deletes)) {
                out.addAll(l);
            }
            return out;
        }
    }
}
