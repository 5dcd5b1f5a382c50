package io.djorm.core.expressions;

/** Text without trailing spaces (Django: {@code RTrim}); NULL for NULL. */
public final class RTrim extends Func {
    /** Trims a field (by name) or an expression on the right. */
    public RTrim(Object expression) {
        super("RTRIM", expression);
    }
}
