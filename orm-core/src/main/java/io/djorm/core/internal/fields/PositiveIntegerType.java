package io.djorm.core.internal.fields;

/** Django's {@code PositiveIntegerField}: 0 to 2147483647, checked in the database as well. */
public final class PositiveIntegerType extends IntegralType {
    /** Creates the kind. */
    public PositiveIntegerType() {
        super(0, Integer.MAX_VALUE);
    }

    @Override
    public String internalType() {
        return "PositiveIntegerField";
    }
}
