package io.djorm.core.expressions;

/** Lower-case text (Django: {@code Lower}). */
public final class Lower extends Func {
    /** Lower-cases a field (by name) or an expression. */
    public Lower(Object expression) {
        super("LOWER", expression);
    }
}
