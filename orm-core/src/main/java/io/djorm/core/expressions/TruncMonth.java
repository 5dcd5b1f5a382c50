package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A date or datetime cut to the start of its month (Django: {@code TruncMonth}); see {@link Trunc}. */
public final class TruncMonth extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncMonth(Object expression) {
        super(expression, "month");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncMonth(Object expression, FieldMeta outputField) {
        super(expression, "month", outputField);
    }
}
