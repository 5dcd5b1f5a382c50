package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;

/**
 * Which of a field's Java values are already its database value, storable without conversion: a loaded
 * model holds a {@code Double} price and a {@code Long} key, and converting each through its field kind
 * ({@code coerce}, {@code storageProblem}, {@code toDb}: calls through a shared, unpredictable call site)
 * cost bulkUpdate more than reading the 500 objects. Judged once per field; a value this does not take
 * goes the general way, which gives the same result (and refuses what it refuses).
 */
public final class StoredAsIs {
    private static final StoredAsIs NONE = new StoredAsIs(null, false);
    private static final StoredAsIs FINITE_DOUBLE = new StoredAsIs(Double.class, true);
    private static final StoredAsIs LONG = new StoredAsIs(Long.class, false);
    private final Class<?> type;
    private final boolean finite;

    private StoredAsIs(Class<?> type, boolean finite) {
        this.type = type;
        this.finite = finite;
    }

    /**
     * For field {@code f}: a {@code Double} of a plain float field whose Java type is {@code Double}
     * (its kind returns it unchanged, refusing only a number that is not finite); a {@code Long} of a
     * 64-bit integer kind whose Java type is {@code Long} (returned unchanged, never refused). Kinds are
     * matched by exact class: a subclass may convert or refuse otherwise.
     */
    public static StoredAsIs of(FieldMeta f) {
        FieldType kind = f.type();
        Class<?> t = f.javaType();
        if (kind == null) return NONE;
        Class<?> k = kind.getClass();
        if (k == FloatType.class && (t == null || t == Double.class || t == double.class)) return FINITE_DOUBLE;
        if ((k == AutoType.class || k == BigAutoType.class || k == BigIntegerType.class)
                && (t == null || t == Long.class || t == long.class)) {
            return LONG;
        }
        return NONE;
    }

    /**
     * Whether {@code value} (not null) is its own database value: what {@code coerce} then {@code toDb}
     * return for it, with nothing for {@code storageProblem} to refuse.
     */
    public boolean takes(Object value) {
        return value.getClass() == type && (!finite || Double.isFinite((Double) value));
    }
}
