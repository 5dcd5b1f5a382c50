package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The row's position in its partition, from 1 (Django: {@code RowNumber}); use inside a {@link Window}. */
public final class RowNumber extends WindowFunction {
    /** ROW_NUMBER(). */
    public RowNumber() {
        super("ROW_NUMBER");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
