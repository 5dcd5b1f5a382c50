package io.djorm.core.expressions;

import io.djorm.core.FieldError;

/**
 * The rows of a partition a window function sees, relative to the current row (Django:
 * {@code WindowFrame}): {@link RowRange} counts rows, {@link ValueRange} compares ordering values.
 * A start is a negative number (that many before), 0 (the current row) or null (the partition's
 * start); an end is 0, a positive number (that many after) or null (the partition's end).
 */
public abstract sealed class WindowFrame permits RowRange, ValueRange {
    private final String mode;
    private final Integer start;
    private final Integer end;

    WindowFrame(String mode, Integer start, Integer end) {
        String name = getClass().getSimpleName();
        if (start != null && start > 0) {
            throw new FieldError(name + "'s start must be a negative number, 0 or null (unbounded), but got " + start
                    + ". Rows after the current one are an end: " + name + "(0, " + start + ").");
        }
        if (end != null && end < 0) {
            throw new FieldError(name + "'s end must be a positive number, 0 or null (unbounded), but got " + end
                    + ". Rows before the current one are a start: " + name + "(" + end + ", 0).");
        }
        this.mode = mode;
        this.start = start;
        this.end = end;
    }

    /** {@code ROWS} or {@code RANGE}. */
    public String mode() {
        return mode;
    }

    /** The start: negative (preceding), 0 (current row) or null (unbounded preceding). */
    public Integer start() {
        return start;
    }

    /** The end: positive (following), 0 (current row) or null (unbounded following). */
    public Integer end() {
        return end;
    }

    /** The SQL of the start bound, such as {@code 2 PRECEDING}. */
    String startSql() {
        return start == null ? "UNBOUNDED PRECEDING" : start == 0 ? "CURRENT ROW" : -start + " PRECEDING";
    }

    /** The SQL of the end bound, such as {@code 1 FOLLOWING}. */
    String endSql() {
        return end == null ? "UNBOUNDED FOLLOWING" : end == 0 ? "CURRENT ROW" : end + " FOLLOWING";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(start=" + start + ", end=" + end + ")";
    }
}
