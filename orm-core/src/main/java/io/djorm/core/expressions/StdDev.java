package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The standard deviation (Django: {@code StdDev}), population by default; read as Double. */
public final class StdDev extends Aggregate {
    /** The population standard deviation of a field (by name) or an expression. */
    public StdDev(Object expression) {
        this(expression, false);
    }

    /** The sample standard deviation when {@code sample} is true. */
    public StdDev(Object expression, boolean sample) {
        super(sample ? "STDDEV_SAMP" : "STDDEV_POP", expression, false);
    }

    @Override
    protected void checkSource(Expression resolved) {
        requireNumeric(resolved);
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }
}
