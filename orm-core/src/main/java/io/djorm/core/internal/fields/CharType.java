package io.djorm.core.internal.fields;

/** Django's {@code CharField}. */
public final class CharType extends TextualType {
    @Override
    public String internalType() {
        return "CharField";
    }
}
