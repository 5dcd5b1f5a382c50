package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;

/**
 * How a built-in numeric kind reads its column, spelled out so that the generated row readers can do
 * the same in their own bytecode: {@code getLong} (or {@code getDouble}), NULL when the value is 0 and
 * {@code wasNull()}, boxed to one class. A call to the shared {@code read} is compiled out of line at every
 * generated call site (its own compiled body, with the driver's getters inlined, is too big to inline);
 * read in place, the column costs what a hand-written JDBC read does. Only the kinds whose {@code read}
 * is the built-in one have a plain read: a user's subclass that reads its own way is called as it is.
 */
public enum PlainRead {
    /** {@code getLong}, boxed as a {@code Long}. */
    LONG(Long.class, Long.MIN_VALUE, Long.MAX_VALUE),
    /** {@code getLong}, boxed as an {@code Integer} when in range. */
    INTEGER(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** {@code getLong}, boxed as a {@code Short} when in range. */
    SHORT(Short.class, Short.MIN_VALUE, Short.MAX_VALUE),
    /** {@code getLong}, boxed as a {@code Byte} when in range. */
    BYTE(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** {@code getDouble}, boxed as a {@code Double}. */
    DOUBLE(Double.class, 0, 0),
    /** {@code getDouble}, narrowed to a {@code float}, boxed as a {@code Float}. */
    FLOAT(Float.class, 0, 0);

    private final Class<?> boxed;
    private final long min;
    private final long max;

    PlainRead(Class<?> boxed, long min, long max) {
        this.boxed = boxed;
        this.min = min;
        this.max = max;
    }

    /**
     * The plain read of {@code type} for {@code field} (the field the column is read as), or null when
     * the column must be read by calling {@code type.read}. The generated code still leaves to that call
     * an integer out of the box's range (which it refuses, with its message) and every integer of a cursor
     * over a remote reply (which holds it boxed already).
     */
    public static PlainRead of(FieldType type, FieldMeta field) {
        if (type == null || field == null) return null;
        if (type.getClass() == FloatType.class) return FloatType.declaredFloat(field) ? FLOAT : DOUBLE;
        if (!IntegerKeys.readsPlainLong(type)) return null;
        Class<?> t = ((IntegralType) type).readType(field);
        return t == Integer.class ? INTEGER : t == Short.class ? SHORT : t == Byte.class ? BYTE : LONG;
    }

    /** The class of the values read. */
    public Class<?> boxed() {
        return boxed;
    }

    /** Whether the column is read with {@code getLong} (else {@code getDouble}). */
    public boolean integral() {
        return this != DOUBLE && this != FLOAT;
    }

    /** Whether a value read with {@code getLong} must be checked against {@link #min()} and {@link #max()}. */
    public boolean checksRange() {
        return this == INTEGER || this == SHORT || this == BYTE;
    }

    /** The smallest value the box holds (integer kinds). */
    public long min() {
        return min;
    }

    /** The largest value the box holds (integer kinds). */
    public long max() {
        return max;
    }
}
