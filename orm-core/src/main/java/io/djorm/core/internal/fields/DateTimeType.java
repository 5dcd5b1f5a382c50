package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Django's {@code DateTimeField}. Java types: {@link LocalDateTime} (stored as given), or
 * {@link Instant} / {@link OffsetDateTime} (stored in UTC), as {@code YYYY-MM-DD HH:MM:SS[.ffffff]}.
 */
public final class DateTimeType extends FieldType {
    @Override
    public String internalType() {
        return "DateTimeField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        AutoTimestamps.configure(field, declaration);
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        LocalDateTime utcOrLocal;
        if (value instanceof LocalDateTime dt) {
            utcOrLocal = dt;
        } else if (value instanceof Instant i) {
            utcOrLocal = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime o) {
            utcOrLocal = o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof ZonedDateTime z) {
            utcOrLocal = z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof LocalDate d) {
            utcOrLocal = d.atStartOfDay();
        } else if (value instanceof String s) {
            try {
                utcOrLocal = Temporals.parseDateTime(s);
            } catch (DateTimeParseException e) {
                throw invalid(field, "a datetime (YYYY-MM-DD HH:MM[:ss[.ffffff]])", value);
            }
        } else {
            throw invalid(field, "a datetime", value);
        }
        return toJava(utcOrLocal, field);
    }

    private static Object toJava(LocalDateTime v, FieldMeta field) {
        Class<?> t = field.javaType();
        if (t == Instant.class) return v.toInstant(ZoneOffset.UTC);
        if (t == OffsetDateTime.class) return v.atOffset(ZoneOffset.UTC);
        return v;
    }

    /** Now, in the field's Java type, truncated to microseconds (what the column keeps). */
    public static Object now(FieldMeta field) {
        return toJava(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS), field);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : Temporals.format(utc(value, field));
    }

    private LocalDateTime utc(Object value, FieldMeta field) {
        if (value instanceof LocalDateTime dt) return dt;
        if (value instanceof Instant i) return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        if (value instanceof OffsetDateTime o) return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        return (LocalDateTime) coerce(value, FieldMeta.builder(field.name(), this).build());
    }

    @Override
    public String storageProblem(Object value, FieldMeta field) {
        return Temporals.yearProblem(utc(value, field).toLocalDate());
    }

    @Override
    public void validate(Object value, FieldMeta field, java.util.List<String> errors) {
        String problem = storageProblem(value, field);
        if (problem != null) errors.add("Enter a valid datetime: " + problem + ".");
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        return s == null ? null : toJava(Temporals.parseDateTime(s), field);
    }
}
