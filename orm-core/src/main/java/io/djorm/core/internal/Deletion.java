package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;

/** Facts about what deleting rows of a model touches. */
final class Deletion {
    private Deletion() {
    }

    /** Whether any registered model has a relation pointing at this model (so a delete may cascade). */
    static boolean hasDependents(ModelMeta target) {
        for (ModelMeta m : Djorm.apps().models()) {
            for (FieldMeta f : m.fields()) {
                if (f.isRelation() && Djorm.apps().model(f.relation().target()) == target) return true;
            }
        }
        return false;
    }
}
