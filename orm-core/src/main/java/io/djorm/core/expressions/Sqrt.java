package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The square root of a number (Django: {@code Sqrt}); NULL for NULL and for a negative number. A float, or a decimal for a decimal. */
public final class Sqrt extends Func {
    /** The square root of a field (by name) or an expression. */
    public Sqrt(Object expression) {
        super("SQRT", expression);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
