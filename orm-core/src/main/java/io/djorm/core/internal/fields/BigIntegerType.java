package io.djorm.core.internal.fields;

/** Django's {@code BigIntegerField}: a 64-bit integer. */
public final class BigIntegerType extends IntegralType {
    /** Creates the kind. */
    public BigIntegerType() {
        super(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    protected Class<?> defaultJavaType() {
        return Long.class;
    }

    @Override
    public String internalType() {
        return "BigIntegerField";
    }
}
