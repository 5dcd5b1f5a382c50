package io.djorm.core.internal.fields;

/** Django's {@code TextField}. */
public final class TextType extends TextualType {
    @Override
    public String internalType() {
        return "TextField";
    }
}
