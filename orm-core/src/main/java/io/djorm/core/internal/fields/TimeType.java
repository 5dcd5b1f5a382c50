package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Django's {@code TimeField}: a {@link LocalTime} stored as {@code HH:MM:SS[.ffffff]}. */
public final class TimeType extends FieldType {
    @Override
    public String internalType() {
        return "TimeField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        AutoTimestamps.configure(field, declaration);
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        if (value instanceof LocalTime t) return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (value instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw invalid(field, "a time (HH:MM[:ss[.ffffff]])", value);
            }
        }
        throw invalid(field, "a time (LocalTime)", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : Temporals.format((LocalTime) value);
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        return s == null ? null : LocalTime.parse(s.trim());
    }
}
