package io.djorm.core.expressions;

/** The absolute value of a number (Django: {@code Abs}). */
public final class Abs extends Func {
    /** The absolute value of a field (by name) or an expression. */
    public Abs(Object expression) {
        super("ABS", expression);
    }
}
