package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.DataError;
import java.util.Base64;

/**
 * Converts djorm's canonical values ({@code null}, Long, Double, String, byte[]) to Hrana's JSON values
 * ({@link ReplyReader} reads them back). Integers travel as decimal strings so that 64-bit values
 * survive JSON.
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
}
