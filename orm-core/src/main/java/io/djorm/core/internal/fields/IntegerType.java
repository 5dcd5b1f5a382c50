package io.djorm.core.internal.fields;

/** Django's {@code IntegerField}: a 32-bit integer. */
public class IntegerType extends IntegralType {
    /** Creates the kind. */
    public IntegerType() {
        super(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    IntegerType(long min, long max) {
        super(min, max);
    }

    @Override
    public String internalType() {
        return "IntegerField";
    }
}
