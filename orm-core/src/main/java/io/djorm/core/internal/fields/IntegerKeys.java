package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/**
 * Which field kinds read a column as the plain integer stored in it ({@code getLong}, boxed to the
 * declared Java type): for those, code that only compares keys may read the {@code long} and skip the
 * boxing. A subclass that reads the column its own way is not one of them.
 */
public final class IntegerKeys {
    private static final ClassValue<Boolean> PLAIN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!IntegralType.class.isAssignableFrom(type)) return false;
            try {
                return type.getMethod("read", RowCursor.class, int.class, FieldMeta.class).getDeclaringClass()
                        == IntegralType.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private IntegerKeys() {
    }

    /** Whether {@code type} reads a column as {@code row.getLong(column)}, the number unchanged. */
    public static boolean readsPlainLong(FieldType type) {
        return type != null && PLAIN.get(type.getClass());
    }
}
