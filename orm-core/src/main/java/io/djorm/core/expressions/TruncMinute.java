package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A datetime or time cut to the start of its minute (Django: {@code TruncMinute}); see {@link Trunc}. */
public final class TruncMinute extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncMinute(Object expression) {
        super(expression, "minute");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncMinute(Object expression, FieldMeta outputField) {
        super(expression, "minute", outputField);
    }
}
