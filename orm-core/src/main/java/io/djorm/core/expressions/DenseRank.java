package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * The row's rank in its partition without gaps after ties (Django: {@code DenseRank}); use inside a
 * {@link Window} with an ordering. Needs the database's DENSE_RANK(): a backend without it raises
 * NotSupportedError naming itself.
 */
public final class DenseRank extends WindowFunction {
    /** DENSE_RANK(). */
    public DenseRank() {
        super("DENSE_RANK");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
