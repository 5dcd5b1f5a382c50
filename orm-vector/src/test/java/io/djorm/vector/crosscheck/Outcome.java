package io.djorm.vector.crosscheck;

import java.util.HexFormat;

/** What one probe gave: a value (byte[], String, Double, Long or null) or an error message. */
record Outcome(Object value, String error) {

    static Outcome value(Object value) {
        return new Outcome(value, null);
    }

    static Outcome error(String message) {
        return new Outcome(null, message == null ? "(no message)" : message);
    }

    boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        if (failed()) return "error: " + error;
        if (value instanceof byte[] blob) return "blob x'" + HexFormat.of().formatHex(blob) + "'";
        return value == null ? "NULL" : value.getClass().getSimpleName() + " " + value;
    }
}
