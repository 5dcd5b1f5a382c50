package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The largest whole number not above a number (Django: {@code Floor}), of the number's type; NULL for NULL. */
public final class Floor extends Func {
    /** The floor of a field (by name) or an expression. */
    public Floor(Object expression) {
        super("FLOOR", expression);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
