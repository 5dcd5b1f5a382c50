package io.djorm.core.expressions;

/** The first non-NULL argument (Django: {@code Coalesce}); the arguments must share a type. */
public final class Coalesce extends Func {
    /** Two or more fields (by name) or expressions. */
    public Coalesce(Object... expressions) {
        super("COALESCE", atLeast(2, "Coalesce", expressions));
    }
}
