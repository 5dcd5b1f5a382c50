package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.ValueError;
import io.djorm.core.internal.query.Truncation;
import io.djorm.core.meta.FieldMeta;
import java.util.List;
import java.util.Locale;

/**
 * A date, datetime or time cut to the start of its year, quarter, month, week (Monday), day, hour,
 * minute or second (Django: {@code Trunc}). The result has the source's type: a date for a DateField
 * (read as LocalDate), a datetime for a DateTimeField; pass {@link OutputFields#DATE} to cut a datetime
 * to a date, or {@link OutputFields#TIME} for its time. NULL stays NULL. Usable in annotate, values,
 * orderBy, and in filter through an annotation: {@code annotate("m", new TruncMonth("published")).filter("m", date)}.
 */
public class Trunc implements Expression {
    private static final List<String> DATE_KINDS = List.of("year", "quarter", "month", "week", "day");
    private static final List<String> TIME_KINDS = List.of("hour", "minute", "second");
    private final Expression expression;
    private final String kind;
    private final FieldMeta outputField;

    /** Truncates a field (by name) or an expression to {@code kind}, keeping its type. */
    public Trunc(Object expression, String kind) {
        this(expression, kind, null);
    }

    /** Truncates to {@code kind} and reads the result as {@code outputField} (a date, datetime or time field). */
    public Trunc(Object expression, String kind, FieldMeta outputField) {
        this.expression = Func.argument(expression);
        this.kind = kind.toLowerCase(Locale.ROOT);
        this.outputField = outputField;
        if (!DATE_KINDS.contains(this.kind) && !TIME_KINDS.contains(this.kind)) {
            throw new FieldError("Trunc has no kind '" + kind + "'. Use one of year, quarter, month, week, day, hour, "
                    + "minute, second.");
        }
    }

    /** The kind truncated to. */
    public String kind() {
        return kind;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression source = expression.resolve(resolver);
        FieldMeta sourceField = source.outputField();
        String from = sourceField == null ? null : sourceField.type().internalType();
        if (from == null && outputField == null) {
            throw new FieldError(this + " cannot tell the type of " + expression + ": give an output field "
                    + "(OutputFields.DATE, DATETIME or TIME).");
        }
        if (from != null && !List.of("DateField", "DateTimeField", "TimeField").contains(from)) {
            throw new FieldError(this + " needs a DateField, DateTimeField or TimeField, but " + expression + " is a "
                    + from + ".");
        }
        FieldMeta output = outputField != null ? outputField : sourceField;
        String to = output.type().internalType();
        check(from == null ? to : from, to);
        return new Truncation(kind, source, output);
    }

    /**
     * Django's rules: a date has no hours and a time no days; a date cannot become a datetime. A mismatch is
     * Django's {@code ValueError}, as the source's type is fine and only the kind asked of it is not.
     */
    private void check(String from, String to) {
        boolean fits = switch (to) {
            case "DateField" -> DATE_KINDS.contains(kind) && !from.equals("TimeField");
            case "DateTimeField" -> from.equals("DateTimeField");
            case "TimeField" -> TIME_KINDS.contains(kind) && !from.equals("DateField");
            default -> false;
        };
        if (!fits) {
            throw new ValueError("Cannot truncate " + expression + " (a " + from + ") to '" + kind + "' as a " + to
                    + ": dates truncate to year, quarter, month, week or day, times to hour, minute or second, and "
                    + "only a DateTimeField gives a datetime.");
        }
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public String toString() {
        return "Trunc(" + expression + ", " + kind + ")";
    }
}
