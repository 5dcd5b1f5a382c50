package io.djorm.core.expressions;

import io.djorm.core.FieldError;

/** Checks of the numeric arguments of text functions, made when the function is built, as Django does. */
final class TextArguments {
    private TextArguments() {
    }

    /**
     * The argument itself; a literal number below {@code min} is refused (expressions are left to the
     * database). Null is refused when {@code min} is 1 (Left, Right), and gives NULL otherwise, as in Django.
     */
    static Object atLeast(int min, String function, String name, Object value) {
        if (value == null && min > 0) {
            throw new FieldError(function + "'s " + name + " is null; give a number or an expression.");
        }
        if (value instanceof Number n && n.longValue() < min) {
            throw new FieldError(function + "'s " + name + " must be at least " + min + ", got " + n + ".");
        }
        return value;
    }
}
