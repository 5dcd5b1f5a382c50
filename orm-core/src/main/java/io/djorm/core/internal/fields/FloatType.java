package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/** Django's {@code FloatField}: a double. */
public final class FloatType extends FieldType {
    @Override
    public String internalType() {
        return "FloatField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        boolean toFloat = declaredFloat(field);
        // Already the declared boxed type (every bulkCreate row's value): nothing to convert.
        if (value.getClass() == (toFloat ? Float.class : Double.class)) return value;
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(field, "a number", value);
            }
        } else {
            throw invalid(field, "a number", value);
        }
        return toFloat ? (Object) (float) d : (Object) d;
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : value instanceof Double d ? d : (Object) ((Number) value).doubleValue();
    }

    /** A {@code Double} of a field declared as a double: {@link #coerce} and {@link #toDb} return it unchanged. */
    @Override
    public boolean storesAsIs(Class<?> valueClass, FieldMeta field) {
        return valueClass == Double.class && !declaredFloat(field);
    }

    @Override
    public String storageProblem(Object value, FieldMeta field) {
        double d = ((Number) value).doubleValue();
        // SQLite turns NaN into NULL and libSQL servers cannot carry NaN or infinities in JSON at all.
        return Double.isFinite(d) ? null : d + " is not a finite number, and no backend stores it faithfully";
    }

    @Override
    public void validate(Object value, FieldMeta field, java.util.List<String> errors) {
        if (storageProblem(value, field) != null) errors.add("Ensure this value is a finite number (not " + value + ").");
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        double d = row.getDouble(column);
        if (d == 0 && row.wasNull()) return null;
        return declaredFloat(field) ? (Object) (float) d : (Object) d;
    }

    /** Whether the field holds a {@code float} rather than a {@code double}. */
    static boolean declaredFloat(FieldMeta field) {
        Class<?> t = field.javaType();
        return t == Float.class || t == float.class;
    }
}
