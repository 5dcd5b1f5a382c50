package io.djorm.core.expressions;

/** The largest argument (Django: {@code Greatest}); NULL when any argument is NULL, as Django on SQLite. */
public final class Greatest extends Func {
    /** Two or more fields (by name) or expressions. */
    public Greatest(Object... expressions) {
        super("GREATEST", atLeast(2, "Greatest", expressions));
    }
}
