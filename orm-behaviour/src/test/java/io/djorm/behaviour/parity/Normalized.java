package io.djorm.behaviour.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.Model;
import io.djorm.core.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * djorm's answers in the normalised form the Django generator writes (parity/django/corpus/base.py), and
 * the comparison of two normalised answers: numbers by value (doubles to 1e-9 relative), rows as a
 * multiset unless the answer is ordered.
 */
final class Normalized {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private Normalized() {
    }

    /** A djorm value as JSON: instances as their key, decimals as plain text without trailing zeros, ... */
    static JsonNode of(Object v) {
        if (v == null) return JSON.nullNode();
        if (v instanceof Optional<?> o) return of(o.orElse(null));
        if (v instanceof Model m) return of(m.pk());
        if (v instanceof Boolean b) return JSON.booleanNode(b);
        if (v instanceof BigDecimal d) return JSON.textNode(plain(d));
        if (v instanceof Double || v instanceof Float) return JSON.numberNode(((Number) v).doubleValue());
        if (v instanceof BigInteger i) return JSON.numberNode(i);
        if (v instanceof Number n) return JSON.numberNode(n.longValue());
        if (v instanceof String s) return JSON.textNode(s);
        if (v instanceof LocalDateTime dt) return JSON.textNode(DATETIME.format(dt));
        if (v instanceof LocalDate d) return JSON.textNode(d.toString());
        if (v instanceof LocalTime t) return JSON.textNode(TIME.format(t));
        if (v instanceof Row r) return of(r.values());
        if (v instanceof Map<?, ?> map) {
            ObjectNode node = JSON.objectNode();
            map.forEach((k, x) -> node.set(String.valueOf(k), of(x)));
            return node;
        }
        if (v instanceof Iterable<?> items) {
            ArrayNode node = JSON.arrayNode();
            for (Object x : items) node.add(of(x));
            return node;
        }
        if (v instanceof Object[] items) return of(java.util.Arrays.asList(items));
        throw new IllegalArgumentException("cannot normalise a " + v.getClass().getName() + ": " + v);
    }

    /** A decimal's value as plain text without trailing zeros, as the generator writes it. */
    static String plain(BigDecimal d) {
        if (d.signum() == 0) return "0";
        return d.stripTrailingZeros().toPlainString();
    }

    /** Whether two normalised answers are equal; rows compare in order only when ordered. */
    static boolean same(JsonNode expected, JsonNode actual, boolean ordered) {
        if (!ordered && expected.isArray() && actual.isArray()) return sameMultiset(expected, actual);
        return equal(expected, actual);
    }

    private static boolean sameMultiset(JsonNode expected, JsonNode actual) {
        if (expected.size() != actual.size()) return false;
        java.util.List<JsonNode> left = new java.util.ArrayList<>();
        actual.forEach(left::add);
        for (JsonNode e : expected) {
            Iterator<JsonNode> it = left.iterator();
            boolean found = false;
            while (it.hasNext()) {
                if (equal(e, it.next())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) return a.bigIntegerValue().equals(b.bigIntegerValue());
            double x = a.doubleValue();
            double y = b.doubleValue();
            return Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) return false;
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || !equal(a.get(n), b.get(n))) return false;
            }
            return true;
        }
        return a.equals(b);
    }
}
