package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The database's current date and time, in UTC (Django: {@code Now}). */
public final class Now extends Func {
    /** The current timestamp. */
    public Now() {
        super("NOW");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.DATETIME;
    }
}
