package io.djorm.core.fields;

/** Constants shared by the field annotations. */
public final class FieldDefaults {
    /** The marker for "no default value" in {@code defaultValue()}. */
    public static final String NONE = "\u0000<no default>";

    private FieldDefaults() {
    }
}
