package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A datetime or time cut to the start of its second (Django: {@code TruncSecond}); see {@link Trunc}. */
public final class TruncSecond extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncSecond(Object expression) {
        super(expression, "second");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncSecond(Object expression, FieldMeta outputField) {
        super(expression, "second", outputField);
    }
}
