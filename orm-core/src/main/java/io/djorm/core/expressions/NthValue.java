package io.djorm.core.expressions;

import io.djorm.core.FieldError;

/**
 * The value of an expression at the {@code nth} row (from 1) of the window frame, NULL when the frame
 * is shorter (Django: {@code NthValue}). Needs the database's NTH_VALUE(): a backend without it raises
 * NotSupportedError naming itself.
 */
public final class NthValue extends FrameValue {
    /** The first row's value. */
    public NthValue(Object expression) {
        this(expression, 1);
    }

    /** The {@code nth} row's value of a field (by name) or an expression; nth is at least 1. */
    public NthValue(Object expression, int nth) {
        super("NTH_VALUE", expression, Value.of(checked(nth)));
    }

    private static int checked(int nth) {
        if (nth < 1) throw new FieldError("NthValue's nth must be a positive integer (from 1), got " + nth + ".");
        return nth;
    }
}
