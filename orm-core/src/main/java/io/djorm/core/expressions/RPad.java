package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * A text filled on the right to {@code length} characters with a repeated fill text, or cut to
 * {@code length} when longer (Django: {@code RPad}); NULL when any argument is NULL.
 */
public final class RPad extends Func {
    /** Pads with spaces. */
    public RPad(Object expression, Object length) {
        this(expression, length, Value.of(" "));
    }

    /** Pads with {@code fillText}: a field (by name) or an expression; wrap literal text in {@link Value#of(Object)}. */
    public RPad(Object expression, Object length, Object fillText) {
        super("RPAD", expression, TextArguments.atLeast(0, "RPad", "length", length), fillText);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
