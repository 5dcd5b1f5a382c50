package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;

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

    /** A {@code Long} of a field declared as a long: returned unchanged, never refused. */
    @Override
    public boolean storesAsIs(Class<?> valueClass, FieldMeta field) {
        return isDeclaredLong(valueClass, field);
    }

    @Override
    public String internalType() {
        return "BigIntegerField";
    }
}
