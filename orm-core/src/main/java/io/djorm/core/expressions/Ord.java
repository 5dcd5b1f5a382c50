package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The Unicode code point of a text's first character (Django: {@code Ord}); NULL for NULL and for empty text. */
public final class Ord extends Func {
    /** The code point of a field (by name) or an expression. */
    public Ord(Object expression) {
        super("ORD", expression);
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
