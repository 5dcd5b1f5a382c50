package io.djorm.core.expressions;

/** Upper-case text (Django: {@code Upper}). */
public final class Upper extends Func {
    /** Upper-cases a field (by name) or an expression. */
    public Upper(Object expression) {
        super("UPPER", expression);
    }
}
