package io.djorm.core.expressions;

/** Text without leading and trailing spaces (Django: {@code Trim}). */
public final class Trim extends Func {
    /** Trims a field (by name) or an expression. */
    public Trim(Object expression) {
        super("TRIM", expression);
    }
}
