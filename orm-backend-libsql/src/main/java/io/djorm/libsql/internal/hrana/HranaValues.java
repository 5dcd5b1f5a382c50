package io.djorm.libsql.internal.hrana;

import io.djorm.core.DataError;

/**
 * Which of djorm's canonical values ({@code null}, Long, Double, String, byte[]) travel as Hrana's JSON
 * values ({@link HranaArgs} writes them, {@link ReplyReader} reads them back). Integers travel as decimal
 * strings so that 64-bit values survive JSON; blobs as base64 with padding.
 */
final class HranaValues {
    private HranaValues() {
    }

    /** Fails with a {@link DataError} when {@code value} cannot be sent; {@link HranaArgs} would fail the same way. */
    static void check(Object value) {
        if (value == null || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Boolean || value instanceof String || value instanceof byte[]) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            finite(((Number) value).doubleValue());
            return;
        }
        throw unsupported(value);
    }

    /** {@code d}, or a {@link DataError} when JSON cannot carry it. */
    static double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new DataError("The value " + d + " cannot be sent to a libSQL server: JSON has no NaN or "
                    + "infinity. Store NULL or a finite number instead.");
        }
        return d;
    }

    private static DataError unsupported(Object value) {
        return new DataError("A parameter of type " + value.getClass().getName() + " cannot be bound; parameters must"
                + " be null, Long, Double, String or byte[] (the core converts field values to these).");
    }
}
