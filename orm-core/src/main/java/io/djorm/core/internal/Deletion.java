package io.djorm.core.internal;

import io.djorm.core.OnDelete;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Facts about what deleting rows of a model touches. */
final class Deletion {
    private Deletion() {
    }

    /**
     * Whether deleting rows of this model touches other rows: a registered model has a relation
     * pointing at it, or it has many-to-many fields whose join rows must go too.
     */
    static boolean hasDependents(ModelMeta target) {
        for (FieldMeta f : target.fields()) {
            if (f.isRelation() && !f.hasColumn()) return true;
        }
        return !Relations.reverseOf(target).isEmpty();
    }

    /**
     * Whether rows of a model can go with one DELETE as far as the relations tell: a model class with no
     * many-to-many fields whose referring rows are all left to the database (delete signals aside).
     */
    static boolean isLeaf(ModelMeta model) {
        if (model.javaClass() == null) return false;
        for (FieldMeta f : model.fields()) {
            if (f.isRelation() && f.relation().kind() == Relation.Kind.MANY_TO_MANY) return false;
        }
        for (Relations.Reverse r : Relations.reverseOf(model)) {
            if (r.manyToMany() || r.field().relation().onDelete() != OnDelete.DO_NOTHING) return false;
        }
        return true;
    }

    /**
     * The models, each after every listed model that refers to it (children first), so that no
     * statement leaves a dangling key even where constraints are checked per statement.
     */
    static List<ModelMeta> order(Collection<ModelMeta> models) {
        // The common delete of one model's rows (children gone by fast deletes) has nothing to order.
        if (models.size() == 1) return List.copyOf(models);
        List<ModelMeta> pending = new ArrayList<>(models);
        List<ModelMeta> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            ModelMeta next = null;
            for (ModelMeta candidate : pending) {
                if (noneRefersTo(pending, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) next = pending.get(pending.size() - 1); // a cycle: deferred constraints settle it
            out.add(next);
            pending.remove(next);
        }
        return out;
    }

    private static boolean noneRefersTo(List<ModelMeta> models, ModelMeta target) {
        for (ModelMeta other : models) if (other != target && refersTo(other, target)) return false;
        return true;
    }

    private static boolean refersTo(ModelMeta from, ModelMeta to) {
        for (FieldMeta f : from.concreteFields()) {
            if (f.isRelation() && f.relation().target().equalsIgnoreCase(to.label())) return true;
        }
        return false;
    }
}
