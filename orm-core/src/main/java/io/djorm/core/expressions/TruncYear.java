package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A date or datetime cut to the start of its year (Django: {@code TruncYear}); see {@link Trunc}. */
public final class TruncYear extends Trunc {
    /** Truncates a field (by name) or an expression, keeping its type. */
    public TruncYear(Object expression) {
        super(expression, "year");
    }

    /** Truncates and reads the result as {@code outputField}. */
    public TruncYear(Object expression, FieldMeta outputField) {
        super(expression, "year", outputField);
    }
}
