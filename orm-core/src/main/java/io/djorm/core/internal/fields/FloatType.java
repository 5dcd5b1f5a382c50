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
        Class<?> t = field.javaType();
        return t == Float.class || t == float.class ? (Object) (float) d : (Object) d;
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        double d = row.getDouble(column);
        if (d == 0 && row.wasNull()) return null;
        Class<?> t = field.javaType();
        return t == Float.class || t == float.class ? (Object) (float) d : (Object) d;
    }
}
