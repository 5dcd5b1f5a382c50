package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A text repeated a number of times (Django: {@code Repeat}); NULL when either is NULL. */
public final class Repeat extends Func {
    /** A field (by name) or an expression repeated {@code number} times; a number must be at least 0. */
    public Repeat(Object expression, Object number) {
        super("REPEAT", expression, TextArguments.atLeast(0, "Repeat", "number", number));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
