package io.djorm.core.internal.fields;

/** Django's {@code SmallIntegerField}: -32768 to 32767. */
public final class SmallIntegerType extends IntegralType {
    /** Creates the kind. */
    public SmallIntegerType() {
        super(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public String internalType() {
        return "SmallIntegerField";
    }
}
