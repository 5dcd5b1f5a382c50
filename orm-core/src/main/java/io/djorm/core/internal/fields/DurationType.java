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
        if (value == null) return null;
        if (value instanceof Duration d) return inRange(d, field);
        if (value instanceof String s) {
            try {
                return inRange(Duration.parse(s.trim()), field);
            } catch (DateTimeParseException e) {
                throw invalid(field, "an ISO-8601 duration such as PT1H30M", value);
            }
        }
        throw invalid(field, "a duration (java.time.Duration)", value);
    }

    /** A duration whose microseconds fit the column's 64-bit integer (about 292,000 years either way). */
    private static Duration inRange(Duration d, FieldMeta field) {
        try {
            micros(d);
            return d;
        } catch (ArithmeticException e) {
            throw new io.djorm.core.ValidationError(field.name(), "Field '" + field.name() + "' cannot hold " + d
                    + ": a duration is stored as a 64-bit count of microseconds (at most about 292,000 years).");
        }
    }

    private static long micros(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        return micros((Duration) value);
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        long micros = row.getLong(column);
        if (micros == 0 && row.wasNull()) return null;
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
