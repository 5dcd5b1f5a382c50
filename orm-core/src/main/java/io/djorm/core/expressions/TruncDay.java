package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A date or datetime cut to the start of its day (Django: {@code TruncDay}); see {@link Trunc}. */
public final class TruncDay extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncDay(Object expression) {
        super(expression, "day");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncDay(Object expression, FieldMeta outputField) {
        super(expression, "day", outputField);
    }
}
