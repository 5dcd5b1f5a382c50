package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The logarithm of a number to a base (Django: {@code Log(base, x)}); NULL when either is NULL or out of range. A float, or a decimal when either is a decimal. */
public final class Log extends Func {
    /** The logarithm to {@code base} of {@code x}: fields (by name), expressions or numbers. */
    public Log(Object base, Object x) {
        super("LOG", base, x);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
