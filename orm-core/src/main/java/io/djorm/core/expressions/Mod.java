package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The remainder of a division, with the sign of the dividend (Django: {@code Mod}); NULL when either is NULL or the divisor is 0. A float, or a decimal when either is a decimal. */
public final class Mod extends Func {
    /** The remainder of {@code dividend / divisor}: fields (by name), expressions or numbers. */
    public Mod(Object dividend, Object divisor) {
        super("MOD", dividend, divisor);
    }

    @Override
    public FieldMeta outputField() {
        return NumericOutput.of(toString(), arguments());
    }
}
