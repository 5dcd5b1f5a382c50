package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The number of characters of a text (Django: {@code Length}). */
public final class Length extends Func {
    /** The length of a field (by name) or an expression. */
    public Length(Object expression) {
        super("LENGTH", expression);
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
