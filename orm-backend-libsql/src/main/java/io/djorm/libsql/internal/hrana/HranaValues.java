package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.DataError;
import java.util.Base64;

/**
 * Converts between djorm's canonical values ({@code null}, Long, Double, String, byte[]) and Hrana's
 * JSON values. Integers travel as decimal strings so that 64-bit values survive JSON.
 */
final class HranaValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HranaValues() {
    }

    /** The Hrana JSON form of one bound parameter. */
    static ObjectNode encode(Object value) {
        ObjectNode node = JSON.objectNode();
        if (value == null) {
            return node.put("type", "null");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return node.put("type", "integer").put("value", value.toString());
        }
        if (value instanceof Boolean b) {
            return node.put("type", "integer").put("value", b ? "1" : "0");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new DataError("The value " + d + " cannot be sent to a libSQL server: JSON has no NaN or "
                        + "infinity. Store NULL or a finite number instead.");
            }
            return node.put("type", "float").put("value", d);
        }
        if (value instanceof String s) {
            return node.put("type", "text").put("value", s);
        }
        if (value instanceof byte[] bytes) {
            return node.put("type", "blob").put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        throw new DataError("A parameter of type " + value.getClass().getName() + " cannot be bound; parameters must"
                + " be null, Long, Double, String or byte[] (the core converts field values to these).");
    }

    /**
     * The canonical Java value of a Hrana JSON value, which {@link #problem} found valid; blobs are
     * accepted with or without padding. A float is a JSON number, or the non-standard tokens
     * {@code Infinity}/{@code -Infinity} (and overflowing literals such as {@code 1e999}) some servers
     * write. A float whose value is {@code null} is how tursodb writes an infinity, without its sign (SQLite
     * has no NaN: it stores NULL instead): it is read as positive infinity.
     */
    static Object decode(JsonNode value) {
        String type = value.path("type").asText("");
        return switch (type) {
            case "null" -> null;
            case "integer" -> value.path("value").isIntegralNumber() ? value.path("value").longValue()
                    : Long.parseLong(value.path("value").asText());
            case "float" -> value.path("value").isNumber() ? value.path("value").doubleValue() : Double.POSITIVE_INFINITY;
            case "text" -> value.path("value").asText();
            case "blob" -> Base64.getDecoder().decode(value.path("base64").asText(""));
            default -> throw new IllegalArgumentException("unknown Hrana value type '" + type + "'");
        };
    }

    /** What is wrong with a Hrana JSON value, or null when {@link #decode} can read it. */
    static String problem(JsonNode value) {
        if (!value.isObject()) return "a value is not an object: " + brief(value);
        JsonNode v = value.path("value");
        return switch (value.path("type").asText("")) {
            case "null" -> null;
            case "integer" -> isInteger(v) ? null : "an integer value is not a 64-bit integer: " + brief(v);
            case "float" -> v.isNumber() || v.isNull() ? null : "a float value is not a number: " + brief(v);
            case "text" -> v.isTextual() ? null : "a text value is not a string: " + brief(v);
            case "blob" -> isBase64(value.path("base64")) ? null : "a blob value is not base64: " + brief(value.path("base64"));
            default -> "a value has the unknown type " + brief(value.path("type"));
        };
    }

    private static boolean isInteger(JsonNode v) {
        if (v.isIntegralNumber()) return v.canConvertToLong();
        if (!v.isTextual()) return false;
        try {
            Long.parseLong(v.asText());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBase64(JsonNode v) {
        if (!v.isTextual()) return false;
        String text = v.asText();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') end--;
        if (text.length() - end > 2 || end % 4 == 1) return false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) return false;
        }
        return true;
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
