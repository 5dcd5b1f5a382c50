package io.djorm.core.expressions;

/** NULL when two values are equal, else the first (Django: {@code NullIf}). */
public final class NullIf extends Func {
    /** {@code expression1}, or NULL where it equals {@code expression2}: fields (by name), expressions or literals. */
    public NullIf(Object expression1, Object expression2) {
        super("NULLIF", expression1, expression2);
    }
}
