package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * Joined text (Django: {@code Concat}); a NULL part counts as empty text. Literal text must be a
 * {@link Value}: {@code new Concat("title", Value.of(" by "), "author")}.
 */
public final class Concat extends Func {
    /** Joins two or more parts: fields (by name) or expressions. */
    public Concat(Object... parts) {
        super("CONCAT", atLeast(2, "Concat", parts));
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.TEXT;
    }
}
