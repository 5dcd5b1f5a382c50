package io.djorm.core.expressions;

/** -1, 0 or 1 by the sign of a number (Django: {@code Sign}), of the number's type; NULL for NULL. */
public final class Sign extends Func {
    /** The sign of a field (by name) or an expression. */
    public Sign(Object expression) {
        super("SIGN", expression);
    }
}
