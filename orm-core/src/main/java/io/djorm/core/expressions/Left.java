package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The first {@code length} characters of a text (Django: {@code Left}); NULL when either is NULL. */
public final class Left extends Func {
    /** The first {@code length} characters of a field (by name) or an expression; a number length must be at least 1. */
    public Left(Object expression, Object length) {
        super("LEFT", expression, TextArguments.atLeast(1, "Left", "length", length));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
