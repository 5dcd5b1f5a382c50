package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * A text filled on the left to {@code length} characters with a repeated fill text, or cut to
 * {@code length} when longer (Django: {@code LPad}); NULL when any argument is NULL.
 */
public final class LPad extends Func {
    /** Pads with spaces. */
    public LPad(Object expression, Object length) {
        this(expression, length, Value.of(" "));
    }

    /** Pads with {@code fillText}: a field (by name) or an expression; wrap literal text in {@link Value#of(Object)}. */
    public LPad(Object expression, Object length, Object fillText) {
        super("LPAD", expression, TextArguments.atLeast(0, "LPad", "length", length), fillText);
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
