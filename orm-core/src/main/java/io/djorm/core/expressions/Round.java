package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A number rounded to some decimal places (Django: {@code Round}). */
public final class Round extends Func {
    /** Rounds to a whole number. */
    public Round(Object expression) {
        this(expression, 0);
    }

    /** Rounds to {@code places} decimal places. */
    public Round(Object expression, int places) {
        super("ROUND", expression, Value.of(places));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
