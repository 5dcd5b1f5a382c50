package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * The value of an expression {@code offset} rows before this one in the window (Django: {@code Lag});
 * NULL, or the default, where there is none. Needs the database's LAG(): a backend without it raises
 * NotSupportedError naming itself.
 */
public final class Lag extends WindowFunction {
    /** The previous row's value. */
    public Lag(Object expression) {
        this(expression, 1);
    }

    /** The value {@code offset} rows back. */
    public Lag(Object expression, int offset) {
        super("LAG", expression, Value.of(offset));
    }

    /** The value {@code offset} rows back, or {@code defaultValue} (a literal or an expression). */
    public Lag(Object expression, int offset, Object defaultValue) {
        super("LAG", expression, Value.of(offset), defaultValue instanceof Expression e ? e : Value.of(defaultValue));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
