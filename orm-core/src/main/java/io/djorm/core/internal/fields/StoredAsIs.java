package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;

/**
 * Which of a field's Java values are already its database value, storable without conversion: a loaded
 * model holds a {@code Double} price and a {@code Long} key, and converting each through its field kind
 * ({@code coerce}, {@code storageProblem}, {@code toDb}: calls through a shared, unpredictable call site)
 * cost bulkUpdate more than reading the 500 objects. The kind is asked once per field
 * ({@link FieldType#storesAsIs}) about the class the field holds; a value this does not take goes the
 * general way, which gives the same result (and refuses what it refuses).
 */
public final class StoredAsIs {
    private static final StoredAsIs NONE = new StoredAsIs(null);
    private final Class<?> type;
    /** A floating-point number that is not finite is never taken: no backend carries it, and the kind refuses it. */
    private final boolean finite;

    private StoredAsIs(Class<?> type) {
        this.type = type;
        this.finite = type == Double.class || type == Float.class;
    }

    /**
     * For field {@code f}: the values of the (boxed) class it is declared with, when its kind stores them
     * as they are; none for a field of no declared class (a historical model's).
     */
    public static StoredAsIs of(FieldMeta f) {
        FieldType kind = f.type();
        Class<?> t = boxed(f.javaType());
        return kind != null && t != null && kind.storesAsIs(t, f) ? new StoredAsIs(t) : NONE;
    }

    /**
     * Whether {@code value} (not null) is its own database value: what {@code coerce} then {@code toDb}
     * return for it, with nothing for {@code storageProblem} to refuse.
     */
    public boolean takes(Object value) {
        Class<?> c = value.getClass();
        if (c != type) return false;
        if (!finite) return true;
        return c == Double.class ? Double.isFinite((Double) value) : Float.isFinite((Float) value);
    }

    private static Class<?> boxed(Class<?> t) {
        if (t == null || !t.isPrimitive()) return t;
        if (t == double.class) return Double.class;
        if (t == long.class) return Long.class;
        if (t == float.class) return Float.class;
        if (t == int.class) return Integer.class;
        if (t == short.class) return Short.class;
        if (t == byte.class) return Byte.class;
        if (t == boolean.class) return Boolean.class;
        if (t == char.class) return Character.class;
        return t;
    }
}
