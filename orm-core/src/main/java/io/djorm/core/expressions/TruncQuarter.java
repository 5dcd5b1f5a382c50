package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A date or datetime cut to the start of its quarter (Django: {@code TruncQuarter}); see {@link Trunc}. */
public final class TruncQuarter extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncQuarter(Object expression) {
        super(expression, "quarter");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncQuarter(Object expression, FieldMeta outputField) {
        super(expression, "quarter", outputField);
    }
}
