package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** e raised to a number (Django: {@code Exp}); NULL for NULL. A float, or a decimal for a decimal. */
public final class Exp extends Func {
    /** e to the power of a field (by name) or an expression. */
    public Exp(Object expression) {
        super("EXP", expression);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
