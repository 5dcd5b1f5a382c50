package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * The value of an expression {@code offset} rows after this one in the window (Django: {@code Lead});
 * NULL, or the default, where there is none. Needs the database's LEAD(): a backend without it raises
 * NotSupportedError naming itself.
 */
public final class Lead extends WindowFunction {
    /** The next row's value. */
    public Lead(Object expression) {
        this(expression, 1);
    }

    /** The value {@code offset} rows on. */
    public Lead(Object expression, int offset) {
        super("LEAD", expression, Value.of(offset));
    }

    /** The value {@code offset} rows on, or {@code defaultValue} (a literal or an expression). */
    public Lead(Object expression, int offset, Object defaultValue) {
        super("LEAD", expression, Value.of(offset), defaultValue instanceof Expression e ? e : Value.of(defaultValue));
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
