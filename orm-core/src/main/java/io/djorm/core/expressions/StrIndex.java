package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** The 1-based position of the first occurrence of a text in another, 0 when absent (Django: {@code StrIndex}); case-sensitive; NULL when either is NULL. */
public final class StrIndex extends Func {
    /** Where {@code substring} first occurs in {@code string}: a field (by name) or an expression each; wrap literal text in {@link Value#of(Object)}. */
    public StrIndex(Object string, Object substring) {
        super("STRINDEX", string, substring);
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
