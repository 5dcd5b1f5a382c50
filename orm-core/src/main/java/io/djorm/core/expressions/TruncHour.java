package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A datetime or time cut to the start of its hour (Django: {@code TruncHour}); see {@link Trunc}. */
public final class TruncHour extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncHour(Object expression) {
        super(expression, "hour");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncHour(Object expression, FieldMeta outputField) {
        super(expression, "hour", outputField);
    }
}
