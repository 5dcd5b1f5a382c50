package io.djorm.core.expressions;

/** The characters of a text in reverse order (Django: {@code Reverse}); NULL for NULL. */
public final class Reverse extends Func {
    /** Reverses a field (by name) or an expression. */
    public Reverse(Object expression) {
        super("REVERSE", expression);
    }
}
