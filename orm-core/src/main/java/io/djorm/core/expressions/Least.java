package io.djorm.core.expressions;

/** The smallest argument (Django: {@code Least}); NULL when any argument is NULL, as Django on SQLite. */
public final class Least extends Func {
    /** Two or more fields (by name) or expressions. */
    public Least(Object... expressions) {
        super("LEAST", atLeast(2, "Least", expressions));
    }
}
