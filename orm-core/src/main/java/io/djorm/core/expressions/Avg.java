package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The mean of a number (Django: {@code Avg}): a Double, or a BigDecimal for a decimal source. */
public final class Avg extends Aggregate {
    /** The mean of a field (by name) or an expression. */
    public Avg(Object expression) {
        this(expression, false);
    }

    /** The mean of the distinct values when {@code distinct} is true. */
    public Avg(Object expression, boolean distinct) {
        super("AVG", expression, distinct);
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
        return OutputFields.isDecimal(sourceField()) ? OutputFields.DECIMAL : OutputFields.FLOAT;
    }
}
