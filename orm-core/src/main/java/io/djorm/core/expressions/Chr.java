package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The character with a Unicode code point (Django: {@code Chr}); NULL for NULL. */
public final class Chr extends Func {
    /** The character of a code point: a field (by name), an expression or a number. */
    public Chr(Object expression) {
        super("CHR", expression);
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.TEXT;
    }
}
