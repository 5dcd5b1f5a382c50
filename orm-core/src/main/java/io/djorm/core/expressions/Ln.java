package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The natural logarithm of a number (Django: {@code Ln}); NULL for NULL, zero and negative numbers. A float, or a decimal for a decimal. */
public final class Ln extends Func {
    /** The natural logarithm of a field (by name) or an expression. */
    public Ln(Object expression) {
        super("LN", expression);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
