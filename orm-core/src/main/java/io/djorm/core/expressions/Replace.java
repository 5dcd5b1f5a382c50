package io.djorm.core.expressions;

/**
 * A text with every occurrence of one text replaced by another (Django: {@code Replace}). As in
 * Django, Strings are field names: pass literal text as {@code Value.of("...")}.
 */
public final class Replace extends Func {
    /** Removes every occurrence of {@code text}. */
    public Replace(Object expression, Object text) {
        this(expression, text, Value.of(""));
    }

    /** Replaces every occurrence of {@code text} with {@code replacement}. */
    public Replace(Object expression, Object text, Object replacement) {
        super("REPLACE", expression, text, replacement);
    }
}
