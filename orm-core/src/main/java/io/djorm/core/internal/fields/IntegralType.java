package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Shared behaviour of integer kinds: a range, and conversion to the declared Java integer type. */
abstract class IntegralType extends FieldType {
    private final long min;
    private final long max;

    IntegralType(long min, long max) {
        this.min = min;
        this.max = max;
    }

    /** The Java type used when the declaration gives none (historical models). */
    protected Class<?> defaultJavaType() {
        return Integer.class;
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        // Already the declared boxed type (every save and bulkUpdate of a loaded value): nothing to convert.
        if (value.getClass() == boxedType(field)) return value;
        long v;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof BigInteger b && b.bitLength() < 64) {
            v = b.longValue();
        } else if ((value instanceof Double || value instanceof Float || value instanceof BigDecimal)
                && isWhole((Number) value)) {
            v = ((Number) value).longValue();
        } else if (value instanceof String s) {
            try {
                v = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(field, "a number", value);
            }
        } else if (value instanceof Boolean) {
            throw invalid(field, "a number", value);
        } else {
            throw invalid(field, "a number", value);
        }
        return box(v, field);
    }

    private Class<?> boxedType(FieldMeta field) {
        Class<?> t = field.javaType() == null ? defaultJavaType() : field.javaType();
        if (t == long.class) return Long.class;
        if (t == int.class) return Integer.class;
        if (t == short.class) return Short.class;
        if (t == byte.class) return Byte.class;
        return t;
    }

    /**
     * Whether {@code valueClass} is {@code Long} and the field holds one: {@link #coerce} returns a value of
     * the declared boxed type unchanged and {@link #toDb} a {@code Long}, and neither refuses it. For the
     * 64-bit kinds' {@link #storesAsIs}.
     */
    final boolean isDeclaredLong(Class<?> valueClass, FieldMeta field) {
        return valueClass == Long.class && boxedType(field) == Long.class;
    }

    /** Whether {@link #box} gives a Long for this field (no narrower declared type). */
    private boolean readsAsLong(FieldMeta field) {
        return readType(field) == Long.class;
    }

    private static boolean isWhole(Number n) {
        BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The class of the values {@link #read} gives for this field: {@code Long}, {@code Integer},
     * {@code Short} or {@code Byte} (the generated row readers box the same way).
     */
    final Class<?> readType(FieldMeta field) {
        Class<?> t = field.javaType() == null ? defaultJavaType() : field.javaType();
        if (t == Integer.class || t == int.class) return Integer.class;
        if (t == Short.class || t == short.class) return Short.class;
        if (t == Byte.class || t == byte.class) return Byte.class;
        return Long.class;
    }

    private Object box(long v, FieldMeta field) {
        Class<?> t = readType(field);
        if (t == Integer.class) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw outOfRange(field, v);
            return (int) v;
        }
        if (t == Short.class) {
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) throw outOfRange(field, v);
            return (short) v;
        }
        if (t == Byte.class) {
            if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) throw outOfRange(field, v);
            return (byte) v;
        }
        return v;
    }

    private static io.djorm.core.ValidationError outOfRange(FieldMeta field, long v) {
        return new io.djorm.core.ValidationError(field.name(), "Field '" + field.name() + "' cannot hold " + v
                + ": it is out of range for " + field.javaType().getSimpleName() + ".");
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : value instanceof Long l ? l : (Object) ((Number) value).longValue();
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        // A cursor over a remote reply holds each integer already boxed (a bulkCreate's thousand new keys):
        // a field read as a Long takes that box rather than a second one.
        if (row instanceof ListRowCursor held && readsAsLong(field)) {
            Object value = held.getObject(column);
            if (value == null || value instanceof Long) return value;
        }
        long v = row.getLong(column);
        if (v == 0 && row.wasNull()) return null;
        return box(v, field);
    }

    @Override
    public void validate(Object value, FieldMeta field, List<String> errors) {
        long v = ((Number) value).longValue();
        if (v < min) errors.add("Ensure this value is greater than or equal to " + min + ".");
        if (v > max) errors.add("Ensure this value is less than or equal to " + max + ".");
    }
}
