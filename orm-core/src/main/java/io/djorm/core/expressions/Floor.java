package io.djorm.core.expressions;

/** The largest whole number not above a number (Django: {@code Floor}), of the number's type; NULL for NULL. */
public final class Floor extends Func {
    /** The floor of a field (by name) or an expression. */
    public Floor(Object expression) {
        super("FLOOR", expression);
    }
}
