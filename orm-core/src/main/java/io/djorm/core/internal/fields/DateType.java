package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Django's {@code DateField}: a {@link LocalDate} stored as {@code YYYY-MM-DD}. */
public final class DateType extends FieldType {
    @Override
    public String internalType() {
        return "DateField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        AutoTimestamps.configure(field, declaration);
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null || value instanceof LocalDate) return value;
        if (value instanceof LocalDateTime dt) return dt.toLocalDate();
        if (value instanceof String s) {
            try {
                return Temporals.parseDate(s);
            } catch (DateTimeParseException e) {
                throw invalid(field, "a date (YYYY-MM-DD)", value);
            }
        }
        throw invalid(field, "a date (LocalDate)", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value == null ? null : value.toString();
    }

    @Override
    public String storageProblem(Object value, FieldMeta field) {
        return Temporals.yearProblem((LocalDate) value);
    }

    @Override
    public void validate(Object value, FieldMeta field, java.util.List<String> errors) {
        String problem = storageProblem(value, field);
        if (problem != null) errors.add("Enter a valid date: " + problem + ".");
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        String s = row.getString(column);
        return s == null ? null : Temporals.parseDate(s);
    }
}
