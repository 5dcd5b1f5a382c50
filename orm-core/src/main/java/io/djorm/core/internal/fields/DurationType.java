package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Django's {@code DurationField}: a {@link Duration} stored as a count of microseconds. */
public final class DurationType extends FieldType {
    @Override
    public String internalType() {
        return "DurationField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null || value instanceof Duration) return value;
        if (value instanceof String s) {
            try {
                return Duration.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw invalid(field, "an ISO-8601 duration such as PT1H30M", value);
            }
        }
        throw invalid(field, "a duration (java.time.Duration)", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        Duration d = (Duration) value;
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        long micros = row.getLong(column);
        if (micros == 0 && row.wasNull()) return null;
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
