package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The sum of a number (Django: {@code Sum}); NULL over no rows. Has the source's type. */
public final class Sum extends Aggregate {
    /** Sums a field (by name) or an expression. */
    public Sum(Object expression) {
        this(expression, false);
    }

    /** Sums the distinct values when {@code distinct} is true. */
    public Sum(Object expression, boolean distinct) {
        super("SUM", expression, distinct);
    }

    @Override
    protected boolean allowsDistinct() {
        return true;
    }

    @Override
    protected void checkSource(Expression resolved) {
        requireNumeric(resolved);
    }

    @Override
    public FieldMeta outputField() {
        FieldMeta f = sourceField();
        return f == null || OutputFields.isInteger(f) ? OutputFields.INTEGER : f;
    }
}
