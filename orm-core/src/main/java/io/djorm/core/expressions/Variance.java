package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The variance (Django: {@code Variance}), population by default; read as Double. */
public final class Variance extends Aggregate {
    /** The population variance of a field (by name) or an expression. */
    public Variance(Object expression) {
        this(expression, false);
    }

    /** The sample variance when {@code sample} is true. */
    public Variance(Object expression, boolean sample) {
        super(sample ? "VAR_SAMP" : "VAR_POP", expression, false);
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
