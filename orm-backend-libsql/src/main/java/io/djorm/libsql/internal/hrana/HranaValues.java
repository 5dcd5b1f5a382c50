package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import io.djorm.core.DataError;
import java.io.IOException;

/**
 * Writes djorm's canonical values ({@code null}, Long, Double, String, byte[]) as Hrana's JSON values
 * ({@link ReplyReader} reads them back). Integers travel as decimal strings so that 64-bit values
 * survive JSON; blobs as base64 with padding.
 */
final class HranaValues {
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
            g.writeStringField("type", "null");
            g.writeEndObject();
            return;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(g, value.toString());
        } else if (value instanceof Boolean b) {
            integer(g, b ? "1" : "0");
        } else if (value instanceof Double || value instanceof Float) {
            double d = finite(((Number) value).doubleValue());
            g.writeStartObject();
            g.writeStringField("type", "float");
            g.writeNumberField("value", d);
            g.writeEndObject();
        } else if (value instanceof String s) {
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("value", s);
            g.writeEndObject();
        } else if (value instanceof byte[] bytes) {
            g.writeStartObject();
            g.writeStringField("type", "blob");
            g.writeBinaryField("base64", bytes);
            g.writeEndObject();
        } else {
            throw unsupported(value);
        }
    }

    private static void integer(JsonGenerator g, String decimal) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "integer");
        g.writeStringField("value", decimal);
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
}
