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
            // getMethod would not do: javac gives each public subclass of the package-private IntegralType
            // a bridge that merely calls IntegralType's read, and getMethod answers with that bridge.
            for (Class<?> c = type; c != IntegralType.class; c = c.getSuperclass()) {
                try {
                    if (!c.getDeclaredMethod("read", RowCursor.class, int.class, FieldMeta.class).isBridge()) return false;
                } catch (NoSuchMethodException inherited) {
                    // not declared here: look further up
                }
            }
            return true;
        }
    };

    private IntegerKeys() {
    }

    /** Whether {@code type} reads a column as {@code row.getLong(column)}, the number unchanged. */
    public static boolean readsPlainLong(FieldType type) {
        return type != null && PLAIN.get(type.getClass());
    }
}
