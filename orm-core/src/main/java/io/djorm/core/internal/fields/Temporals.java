package io.djorm.core.internal.fields;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The text forms dates and times take in SQLite-family databases, as Django stores them:
 * {@code 2024-01-31}, {@code 13:45:00[.ffffff]}, {@code 2024-01-31 13:45:00[.ffffff]}. Text in this
 * form sorts in time order and works with SQLite's date functions.
 */
public final class Temporals {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter PARSE_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter();

    private Temporals() {
    }

    /** {@code 2024-01-31 13:45:00.123456}, microseconds only when not zero. */
    public static String format(LocalDateTime v) {
        return v.toLocalDate() + " " + format(v.toLocalTime());
    }

    /** {@code 13:45:00.123456}, microseconds only when not zero. */
    public static String format(LocalTime v) {
        LocalTime t = v.truncatedTo(ChronoUnit.MICROS);
        String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    /** Parses a stored datetime (space or T separator, optional seconds, fraction and offset). */
    public static LocalDateTime parseDateTime(String s) {
        String t = s.trim();
        if (t.length() == 10) return LocalDate.parse(t).atStartOfDay();
        var parsed = PARSE_DATETIME.parse(t);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            int offset = parsed.get(ChronoField.OFFSET_SECONDS);
            local = local.minusSeconds(offset);
        }
        return local;
    }

    /** Parses a stored time. */
    public static LocalTime parseTime(String s) {
        return LocalTime.parse(s.trim(), TIME);
    }

    /**
     * Why a date cannot be stored as {@code YYYY-MM-DD} text (a year outside 1..9999, which would be
     * written with a sign or five digits and could not be read or compared as a date), or null.
     */
    public static String yearProblem(LocalDate d) {
        int year = d.getYear();
        return year >= 1 && year <= 9999 ? null
                : "year " + year + " is outside 1..9999, the years a date column can hold (Django's MINYEAR..MAXYEAR)";
    }

    /** Parses a stored date, accepting a datetime too (its date part). */
    public static LocalDate parseDate(String s) {
        String t = s.trim();
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }
}
