package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The number of non-NULL values, or of rows for {@code "*"} (Django: {@code Count}); read as Long. */
public final class Count extends Aggregate {
    /** Counts the non-NULL values of a field (by name) or an expression; {@code "*"} counts rows. */
    public Count(Object expression) {
        this(expression, false);
    }

    /** Counts the distinct non-NULL values when {@code distinct} is true. */
    public Count(Object expression, boolean distinct) {
        super("COUNT", "*".equals(expression) ? new Star() : expression, distinct);
    }

    @Override
    protected boolean allowsDistinct() {
        return true;
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
