package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** A number raised to a power (Django: {@code Power}); NULL when either is NULL. A float, or a decimal when either is a decimal. */
public final class Power extends Func {
    /** {@code base} to the power of {@code exponent}: fields (by name), expressions or numbers. */
    public Power(Object base, Object exponent) {
        super("POWER", base, exponent);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
