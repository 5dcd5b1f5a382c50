package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.util.UUID;

/** Django's {@code UUIDField}: stored as 32 lowercase hex digits without hyphens, as Django does on SQLite. */
public final class UuidType extends FieldType {
    @Override
    public String internalType() {
        return "UUIDField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null || value instanceof UUID) return value;
        if (value instanceof String s) {
            try {
                return parse(s.trim());
            } catch (IllegalArgumentException e) {
                throw invalid(field, "a UUID", value);
            }
        }
        throw invalid(field, "a UUID", value);
    }

    private static UUID parse(String s) {
        if (s.length() == 32 && s.indexOf('-') < 0) {
            return new UUID(Long.parseUnsignedLong(s.substring(0, 16), 16), Long.parseUnsignedLong(s.substring(16), 16));
        }
        return UUID.fromString(s);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : value.toString().replace("-", "");
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        return s == null ? null : parse(s);
    }
}
