package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The largest value (Django: {@code Max}); has the source's type, so dates and text work too. */
public final class Max extends Aggregate {
    /** The largest value of a field (by name) or an expression. */
    public Max(Object expression) {
        super("MAX", expression, false);
    }

    @Override
    public FieldMeta outputField() {
        return sourceField();
    }
}
