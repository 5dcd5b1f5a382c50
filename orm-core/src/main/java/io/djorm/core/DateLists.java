package io.djorm.core;

import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Trunc;
import io.djorm.core.meta.FieldMeta;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@link QuerySet#dates} and {@link QuerySet#datetimes} as Django builds them: the distinct non-null
 * values of a field truncated to a kind, in ascending or descending order.
 */
final class DateLists {
    /** The annotation that carries the truncated value (Django names it {@code datefield}). */
    private static final String NAME = "djormTruncated";
    private static final List<String> DATE_KINDS = List.of("year", "month", "week", "day");
    private static final List<String> DATETIME_KINDS = List.of("year", "month", "week", "day", "hour", "minute", "second");

    private DateLists() {
    }

    static QuerySet<LocalDate> dates(QuerySet<?> qs, String field, String kind, String order) {
        return list(qs, field, checked("dates", kind, DATE_KINDS), order, OutputFields.DATE, LocalDate.class);
    }

    static QuerySet<LocalDateTime> datetimes(QuerySet<?> qs, String field, String kind, String order) {
        return list(qs, field, checked("datetimes", kind, DATETIME_KINDS), order, OutputFields.DATETIME,
                LocalDateTime.class);
    }

    private static <V> QuerySet<V> list(QuerySet<?> qs, String field, String kind, String order, FieldMeta output,
            Class<V> type) {
        String direction = order == null ? "" : order.toUpperCase(Locale.ROOT);
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
            throw new FieldError("The order of dates()/datetimes() must be \"ASC\" or \"DESC\", not " + order + ".");
        }
        return qs.annotate(NAME, new Trunc(field, kind, output))
                .filter(NAME + "__isnull", false)
                .valuesListFlat(NAME, type)
                .distinct()
                .orderBy((direction.equals("DESC") ? "-" : "") + NAME);
    }

    private static String checked(String method, String kind, List<String> kinds) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        if (!kinds.contains(k)) {
            throw new FieldError(method + "()'s kind must be one of " + String.join(", ", kinds) + ", not '" + kind + "'.");
        }
        return k;
    }
}
