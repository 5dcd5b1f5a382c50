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
    LONG(Long.class),
    /** {@code getLong}, boxed as an {@code Integer} when in range. */
    INTEGER(Integer.class),
    /** {@code getLong}, boxed as a {@code Short} when in range. */
    SHORT(Short.class),
    /** {@code getLong}, boxed as a {@code Byte} when in range. */
    BYTE(Byte.class),
    /** {@code getDouble}, boxed as a {@code Double}. */
    DOUBLE(Double.class),
    /** {@code getDouble}, narrowed to a {@code float}, boxed as a {@code Float}. */
    FLOAT(Float.class);

    private final Class<?> boxed;

    PlainRead(Class<?> boxed) {
        this.boxed = boxed;
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
}
