package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/** Django's {@code BooleanField}: stored as 0 or 1. */
public final class BooleanType extends FieldType {
    @Override
    public String internalType() {
        return "BooleanField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null || value instanceof Boolean) return value;
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) return n.longValue() == 1;
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1", "yes" -> { return true; }
                case "false", "f", "0", "no" -> { return false; }
                default -> { }
            }
        }
        throw invalid(field, "true or false", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : ((Boolean) value) ? 1L : 0L;
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        long v = row.getLong(column);
        if (v == 0 && row.wasNull()) return null;
        return v != 0;
    }
}
