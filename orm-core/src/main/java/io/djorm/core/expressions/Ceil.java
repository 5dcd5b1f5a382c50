package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The smallest whole number not below a number (Django: {@code Ceil}), of the number's type; NULL for NULL. */
public final class Ceil extends Func {
    /** The ceiling of a field (by name) or an expression. */
    public Ceil(Object expression) {
        super("CEIL", expression);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
