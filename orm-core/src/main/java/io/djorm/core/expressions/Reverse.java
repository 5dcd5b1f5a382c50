package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The characters of a text in reverse order (Django: {@code Reverse}); NULL for NULL. */
public final class Reverse extends Func {
    /** Reverses a field (by name) or an expression. */
    public Reverse(Object expression) {
        super("REVERSE", expression);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
