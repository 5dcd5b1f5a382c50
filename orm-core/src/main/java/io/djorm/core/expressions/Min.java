package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The smallest value (Django: {@code Min}); has the source's type, so dates and text work too. */
public final class Min extends Aggregate {
    /** The smallest value of a field (by name) or an expression. */
    public Min(Object expression) {
        super("MIN", expression, false);
    }

    @Override
    public FieldMeta outputField() {
        return sourceField();
    }
}
