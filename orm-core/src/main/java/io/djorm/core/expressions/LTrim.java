package io.djorm.core.expressions;

/** Text without leading spaces (Django: {@code LTrim}); NULL for NULL. */
public final class LTrim extends Func {
    /** Trims a field (by name) or an expression on the left. */
    public LTrim(Object expression) {
        super("LTRIM", expression);
    }
}
