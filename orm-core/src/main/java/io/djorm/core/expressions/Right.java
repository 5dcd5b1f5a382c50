package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The last {@code length} characters of a text (Django: {@code Right}); NULL when either is NULL. */
public final class Right extends Func {
    /** The last {@code length} characters of a field (by name) or an expression; a number length must be at least 1. */
    public Right(Object expression, Object length) {
        super("RIGHT", expression, TextArguments.atLeast(1, "Right", "length", length));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
