package io.djorm.core.expressions;

import io.djorm.core.ValueError;
import io.djorm.core.meta.FieldMeta;

/** Part of a text, from a 1-based position (Django: {@code Substr}). */
public final class Substr extends Func {
    /** The text from {@code position} to the end. */
    public Substr(Object expression, int position) {
        super("SUBSTR", expression, Value.of(checked(position)));
    }

    /** At most {@code length} characters from {@code position}. */
    public Substr(Object expression, int position, int length) {
        super("SUBSTR", expression, Value.of(checked(position)), Value.of(length));
    }

    private static int checked(int position) {
        if (position < 1) throw new ValueError("Substr positions start at 1, got " + position + ".");
        return position;
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
