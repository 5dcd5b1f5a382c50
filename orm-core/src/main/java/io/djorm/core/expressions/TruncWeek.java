package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A date or datetime cut to the Monday of its week (Django: {@code TruncWeek}); see {@link Trunc}. */
public final class TruncWeek extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncWeek(Object expression) {
        super(expression, "week");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncWeek(Object expression, FieldMeta outputField) {
        super(expression, "week", outputField);
    }
}
