package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** Text without trailing spaces (Django: {@code RTrim}); NULL for NULL. */
public final class RTrim extends Func {
    /** Trims a field (by name) or an expression on the right. */
    public RTrim(Object expression) {
        super("RTRIM", expression);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
