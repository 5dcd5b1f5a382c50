package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;

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
}
