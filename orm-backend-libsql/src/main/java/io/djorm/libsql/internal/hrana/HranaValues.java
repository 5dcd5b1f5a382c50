package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.djorm.core.DataError;
import java.io.IOException;

/**
 * Writes djorm's canonical values ({@code null}, Long, Double, String, byte[]) as Hrana's JSON values
 * ({@link ReplyReader} reads them back). Integers travel as decimal strings so that 64-bit values
 * survive JSON; blobs as base64 with padding.
 */
final class HranaValues {
    // The constant names and values, quoted and encoded once instead of checked for escapes on every write.
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString BASE64 = new SerializedString("base64");
    private static final SerializedString NULL = new SerializedString("null");
    private static final SerializedString INTEGER = new SerializedString("integer");
    private static final SerializedString FLOAT = new SerializedString("float");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString BLOB = new SerializedString("blob");
    private static final ThreadLocal<char[]> DIGITS = ThreadLocal.withInitial(() -> new char[20]);
    private HranaValues() {
    }

    /** Fails with a {@link DataError} when {@code value} cannot be sent; {@link #write} would fail the same way. */
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

    /** Writes the Hrana JSON form of one bound parameter. */
    static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeStartObject();
            g.writeFieldName(TYPE);
            g.writeString(NULL);
            g.writeEndObject();
            return;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(g, ((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            integer(g, b ? 1 : 0);
        } else if (value instanceof Double || value instanceof Float) {
            double d = finite(((Number) value).doubleValue());
            typed(g, FLOAT);
            g.writeNumber(d);
            g.writeEndObject();
        } else if (value instanceof String s) {
            typed(g, TEXT);
            g.writeString(s);
            g.writeEndObject();
        } else if (value instanceof byte[] bytes) {
            g.writeStartObject();
            g.writeFieldName(TYPE);
            g.writeString(BLOB);
            g.writeFieldName(BASE64);
            g.writeBinary(bytes);
            g.writeEndObject();
        } else {
            throw unsupported(value);
        }
    }

    /** Opens a value object of {@code type} up to its {@code "value":} name. */
    private static void typed(JsonGenerator g, SerializedString type) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TYPE);
        g.writeString(type);
        g.writeFieldName(VALUE);
    }

    /** An integer as its decimal string, written from a reused buffer rather than a new String. */
    private static void integer(JsonGenerator g, long n) throws IOException {
        typed(g, INTEGER);
        char[] digits = DIGITS.get();
        int length = Decimal.write(n, digits);
        g.writeString(digits, digits.length - length, length);
        g.writeEndObject();
    }

    private static double finite(double d) {
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

    /** Decimal digits of a long, right-aligned in a buffer of 20 chars (the longest, Long.MIN_VALUE). */
    static final class Decimal {
        private Decimal() {
        }

        /** Writes {@code n} at the end of {@code buffer} and returns how many chars it took. */
        static int write(long n, char[] buffer) {
            int pos = buffer.length;
            // Negative numbers are worked in the negative range, where Long.MIN_VALUE fits.
            long v = n < 0 ? n : -n;
            do {
                buffer[--pos] = (char) ('0' - (int) (v % 10));
                v /= 10;
            } while (v != 0);
            if (n < 0) buffer[--pos] = '-';
            return buffer.length - pos;
        }
    }
}
