package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads a Hrana pipeline reply to a batch of a known number of steps straight from the JSON token
 * stream into the values the ORM reads: each row an {@code Object[]} of canonical values (null, Long,
 * Double, String, byte[]). No JSON tree is built, so a value costs no map and is visited once. Checks
 * the reply down to every value as it goes, so that what reads it later never meets a wrong type (and
 * never reads a malformed result as an empty one), and names the first thing that is wrong by throwing
 * {@link BadReply}. Fields may come in any order; fields it does not know are skipped. A reply whose rows
 * are those of writes with RETURNING (a bulk insert's keys), when of a known, moderate length, is read whole first,
 * and the lists of integer keys in it that are written in the servers' compact form are read without the parser
 * ({@link CompactKeyRows}): the rest is read here as usual. Every other reply streams through the parser, so that
 * a large read never holds its whole reply besides its rows.
 *
 * <p>Values are read as the protocol writes them: integers as decimal strings (JSON numbers accepted
 * too), floats as JSON numbers, the non-standard tokens {@code Infinity}/{@code -Infinity} (and
 * overflowing literals such as {@code 1e999}) some servers write, or {@code null}, which is how tursodb
 * writes an infinity without its sign (SQLite has no NaN: it stores NULL instead), read as positive
 * infinity; blobs as base64, with or without padding.
 */
final class ReplyReader {
    private static final int BRIEF = 60;
    private static final String TYPE_NAME = "type";
    private static final SerializedString TYPE = new SerializedString(TYPE_NAME);
    private static final SerializedString VALUE = new SerializedString("value");
    /**
     * A reply of written rows only at most this long (and known to be, by its declared length) is read whole
     * first, so that its compact key rows can be read without the parser ({@link CompactKeyRows}); a longer one
     * streams through the parser.
     */
    static final int WHOLE_BODY_LIMIT = 1 << 20;
    /**
     * A body shorter than this streams through the parser: it holds fifty keys at most, and the scan for them
     * cost a delete's 1.2 KB reply (no keys) more than it saves.
     */
    static final int WHOLE_BODY_MIN = 2048;
    private final JsonParser p;
    /** The rows cut from the text before it was parsed, or null. */
    private final CompactKeyRows cut;

    private ReplyReader(JsonParser parser, CompactKeyRows cut) {
        this.p = parser;
        this.cut = cut;
    }

    /**
     * Reads one reply from {@code body}, whose length is {@code declaredLength} when that is not negative: a reply
     * whose rows are those of writes with RETURNING ({@code writtenRowsOnly}, as the batch told) of a known length
     * from {@link #WHOLE_BODY_MIN} to {@link #WHOLE_BODY_LIMIT} is read whole and its compact key rows read apart;
     * any other streams through the parser.
     *
     * @throws BadReply when the body is JSON but not a valid reply
     * @throws IOException when the body is not JSON, or reading it failed
     */
    static PipelineReply read(JsonFactory factory, InputStream body, long declaredLength, int steps, boolean closeSent,
                              boolean writtenRowsOnly) throws IOException, BadReply {
        if (!writtenRowsOnly || declaredLength < WHOLE_BODY_MIN || declaredLength > WHOLE_BODY_LIMIT) {
            try (JsonParser parser = factory.createParser(body)) {
                return read(parser, steps, closeSent);
            }
        }
        byte[] bytes = new byte[(int) declaredLength];
        int n = body.readNBytes(bytes, 0, bytes.length); // fewer when the body is cut short: the parser says so
        CompactKeyRows cut = CompactKeyRows.cut(bytes, n);
        try (JsonParser parser = cut != null ? cut.parser(factory) : factory.createParser(bytes, 0, n)) {
            return new ReplyReader(parser, cut).reply(steps, closeSent);
        }
    }

    /**
     * Reads one reply from {@code parser}.
     *
     * @param steps how many steps the batch had
     * @param closeSent whether a {@code close} request went with the batch
     * @throws BadReply when the body is JSON but not a valid reply
     * @throws IOException when the body is not JSON, or reading it failed
     */
    static PipelineReply read(JsonParser parser, int steps, boolean closeSent) throws IOException, BadReply {
        return new ReplyReader(parser, null).reply(steps, closeSent);
    }

    /** The body is JSON but not a valid Hrana pipeline reply; the message says what is wrong. */
    static final class BadReply extends Exception {
        private static final long serialVersionUID = 1L;

        BadReply(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * The next field's name, or null at the object's end. The field the servers write next is compared
     * with the input's bytes as they stand: the parser's look-up of a name in its table of names read before
     * was a third of reading a batch's step results, four names a step.
     */
    private String nextField(SerializedString expected) throws IOException {
        if (p.nextFieldName(expected)) return expected.getValue();
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /** The fields of a step result and of a column, in the order the servers write them. */
    private static final SerializedString COLS = new SerializedString("cols");
    private static final SerializedString ROWS = new SerializedString("rows");
    private static final SerializedString AFFECTED_ROW_COUNT = new SerializedString("affected_row_count");
    private static final SerializedString LAST_INSERT_ROWID = new SerializedString("last_insert_rowid");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString DECLTYPE = new SerializedString("decltype");

    private PipelineReply reply(int steps, boolean closeSent) throws IOException, BadReply {
        if (p.nextToken() != JsonToken.START_OBJECT) throw bad("the body is not a JSON object");
        String baton = null;
        String baseUrl = null;
        FirstResult first = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "baton" -> baton = nullOrText(token, "\"baton\"");
                case "base_url" -> baseUrl = nullOrText(token, "\"base_url\"");
                case "results" -> first = results(token, steps);
                default -> p.skipChildren();
            }
        }
        if (first == null) throw bad("there is no \"results\" list with a result");
        return first.error != null ? new PipelineReply(baton, baseUrl, null, first.error, closeSent)
                : new PipelineReply(baton, baseUrl, first.steps, null, closeSent);
    }

    /** The first stream result (the batch's); those after it (a {@code close}) are skipped. */
    private FirstResult results(JsonToken token, int steps) throws IOException, BadReply {
        if (token != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
            throw bad("there is no \"results\" list with a result");
        }
        FirstResult first = streamResult(steps);
        while (p.nextToken() != JsonToken.END_ARRAY) p.skipChildren();
        return first;
    }

    private FirstResult streamResult(int steps) throws IOException, BadReply {
        String type = null;
        List<StepOutcome> outcomes = null;
        StepOutcome error = null;
        boolean errorSeen = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "type" -> type = token == JsonToken.VALUE_STRING ? p.getText() : brief(token);
                case "response" -> outcomes = response(token, steps);
                case "error" -> {
                    errorSeen = true;
                    error = error(token, "results[0].error");
                }
                default -> p.skipChildren();
            }
        }
        if ("error".equals(type)) {
            if (!errorSeen) throw bad("results[0].error has no message");
            return new FirstResult(null, error);
        }
        if (!"ok".equals(type)) {
            throw bad("results[0].type is " + (type == null ? "missing" : type) + ", neither \"ok\" nor \"error\"");
        }
        if (outcomes == null) throw bad("results[0].response.result is not an object");
        return new FirstResult(outcomes, null);
    }

    /** The {@code response} of an ok stream result: its {@code result}, read as the batch's outcomes. */
    private List<StepOutcome> response(JsonToken token, int steps) throws IOException, BadReply {
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        List<StepOutcome> outcomes = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (field.equals("result")) {
                if (value != JsonToken.START_OBJECT) throw bad("results[0].response.result is not an object");
                outcomes = batchResult(steps);
            } else {
                p.skipChildren();
            }
        }
        return outcomes;
    }

    private List<StepOutcome> batchResult(int steps) throws IOException, BadReply {
        List<StepResult> results = null;
        List<StepOutcome> errors = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "step_results" -> results = stepResults(token, steps);
                case "step_errors" -> errors = stepErrors(token, steps);
                default -> p.skipChildren();
            }
        }
        if (results == null || errors == null) throw bad("step_results or step_errors is not a list");
        if (results.size() != steps || errors.size() != steps) {
            throw bad("the batch had " + steps + " steps but the reply has " + results.size() + " step results and "
                    + errors.size() + " step errors");
        }
        List<StepOutcome> outcomes = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            StepOutcome error = errors.get(i);
            outcomes.add(error != null ? error : new StepOutcome(results.get(i), null, null));
        }
        return outcomes;
    }

    /** The step results, in a list sized for the {@code steps} expected (more are read, and refused later). */
    private List<StepResult> stepResults(JsonToken token, int steps) throws IOException, BadReply {
        if (token != JsonToken.START_ARRAY) throw bad("step_results or step_errors is not a list");
        List<StepResult> results = new ArrayList<>(steps);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                results.add(null);
            } else if (t == JsonToken.START_OBJECT) {
                results.add(stepResult(results.size()));
            } else {
                throw bad("step " + results.size() + ": the result is not an object");
            }
        }
        return results;
    }

    private List<StepOutcome> stepErrors(JsonToken token, int steps) throws IOException, BadReply {
        if (token != JsonToken.START_ARRAY) throw bad("step_results or step_errors is not a list");
        List<StepOutcome> errors = new ArrayList<>(steps);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            errors.add(t == JsonToken.VALUE_NULL ? null : error(t, "step " + errors.size() + ": step_errors[" + errors.size() + "]"));
        }
        return errors;
    }

    /** An error object: a message, and maybe a code. */
    private StepOutcome error(JsonToken token, String where) throws IOException, BadReply {
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw bad(where + " has no message");
        }
        String message = null;
        String code = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if (field.equals("message") && value == JsonToken.VALUE_STRING) message = p.getText();
            else if (field.equals("code") && value == JsonToken.VALUE_STRING) code = p.getText();
            else p.skipChildren();
        }
        if (message == null) throw bad(where + " has no message");
        return new StepOutcome(null, message, code);
    }

    private StepResult stepResult(int step) throws IOException, BadReply {
        List<String> columns = null;
        List<Object[]> rows = null;
        long affected = 0;
        SerializedString expected = COLS;
        for (String field = nextField(expected); field != null; field = nextField(expected)) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "cols" -> {
                    columns = columns(token, step);
                    expected = ROWS;
                }
                case "rows" -> {
                    rows = rows(token, step);
                    expected = AFFECTED_ROW_COUNT;
                }
                case "affected_row_count" -> {
                    affected = affectedRowCount(token, step);
                    expected = LAST_INSERT_ROWID;
                }
                default -> p.skipChildren();
            }
        }
        if (columns == null || rows == null) throw bad("step " + step + ": \"cols\" or \"rows\" is not a list");
        if (rows instanceof KeyRows) { // one value a row, checked without making the rows
            if (!rows.isEmpty() && columns.size() != 1) throw bad("step " + step + ": a row does not have one value per column");
        } else {
            for (int i = 0, n = rows.size(); i < n; i++) { // indexed: no iterator per step
                if (rows.get(i).length != columns.size()) throw bad("step " + step + ": a row does not have one value per column");
            }
        }
        return new StepResult(columns, rows, affected);
    }

    private List<String> columns(JsonToken token, int step) throws IOException, BadReply {
        if (token != JsonToken.START_ARRAY) throw bad("step " + step + ": \"cols\" or \"rows\" is not a list");
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) return List.of(); // a write's, a BEGIN's: most steps have no columns
        String first = column(t, step);
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) return List.of(first); // a key's, a change count's: one column, no list to copy
        List<String> columns = new ArrayList<>();
        columns.add(first);
        for (; t != JsonToken.END_ARRAY; t = p.nextToken()) columns.add(column(t, step));
        return List.copyOf(columns);
    }

    /** One column object's name ("" when it has none). */
    private String column(JsonToken t, int step) throws IOException, BadReply {
        if (t != JsonToken.START_OBJECT) throw bad("step " + step + ": a column is not an object");
        String name = "";
        for (String field = nextField(NAME); field != null; field = nextField(DECLTYPE)) {
            JsonToken value = p.nextToken();
            if (field.equals("name") && value.isScalarValue()) name = p.getText();
            else p.skipChildren();
        }
        return name;
    }

    private long affectedRowCount(JsonToken token, int step) throws IOException, BadReply {
        if (token == JsonToken.VALUE_NULL) return 0;
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d >= Long.MIN_VALUE && d <= Long.MAX_VALUE) return (long) d;
        }
        throw bad("step " + step + ": affected_row_count is " + brief(token));
    }

    private List<Object[]> rows(JsonToken token, int step) throws IOException, BadReply {
        if (token != JsonToken.START_ARRAY) throw bad("step " + step + ": \"cols\" or \"rows\" is not a list");
        List<Object[]> cutRows = cut == null ? null : cut.rowsAt(p.currentTokenLocation().getByteOffset());
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) return cutRows != null ? cutRows : List.of(); // no rows (a write's): nothing to size
        // Doubled as it fills and cut to size once: a list grown by halves copied a thousand rows a dozen times.
        Object[][] rows = new Object[16][];
        int count = 0;
        int width = 4;
        for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_ARRAY) throw bad("step " + step + ": a row does not have one value per column");
            Object[] row = new Object[width];
            int n = 0;
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                if (n == row.length) row = Arrays.copyOf(row, n * 2);
                row[n++] = value(v, step);
            }
            if (n != row.length) row = Arrays.copyOf(row, n);
            width = Math.max(n, 1); // rows of one result all have the same width: the next row's array fits
            if (count == rows.length) rows = Arrays.copyOf(rows, count * 2);
            rows[count++] = row;
        }
        return Arrays.asList(count == rows.length ? rows : Arrays.copyOf(rows, count));
    }

    /** One Hrana value object, as its canonical Java value. */
    private Object value(JsonToken token, int step) throws IOException, BadReply {
        if (token != JsonToken.START_OBJECT) throw bad("step " + step + ": a value is not an object: " + brief(token));
        ValueType type = null;
        Object value = null;
        JsonToken valueToken = null;
        String base64 = null;
        JsonToken base64Token = null;
        // Every server writes "type" first and then "value": each name is matched where it stands in the bytes.
        for (String field = nextFieldName(TYPE); field != null; field = nextFieldName(field == TYPE_NAME ? VALUE : null)) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "type" -> {
                    type = ValueType.of(p, t);
                    if (type == null) throw bad("step " + step + ": a value has the unknown type " + brief(t));
                }
                case "value" -> {
                    valueToken = t;
                    value = scalar(t, type);
                }
                case "base64" -> {
                    base64Token = t;
                    base64 = t == JsonToken.VALUE_STRING ? p.getText() : brief(t);
                }
                default -> p.skipChildren();
            }
        }
        if (type == null) throw bad("step " + step + ": a value has no type");
        if (value instanceof Scalar raw) value = raw.as(type); // "value" came before "type": convert it now
        String problem = switch (type) {
            case NULL -> null;
            case INTEGER -> value instanceof Long ? null : "an integer value is not a 64-bit integer: " + text(value, valueToken);
            case FLOAT -> value instanceof Double || valueToken == JsonToken.VALUE_NULL ? null
                    : "a float value is not a number: " + text(value, valueToken);
            case TEXT -> value instanceof String && valueToken == JsonToken.VALUE_STRING ? null
                    : "a text value is not a string: " + text(value, valueToken);
            case BLOB -> base64Token == JsonToken.VALUE_STRING && isBase64(base64) ? null
                    : "a blob value is not base64: " + (base64 == null ? "missing" : brief(base64));
        };
        if (problem != null) throw bad("step " + step + ": " + problem);
        return switch (type) {
            case NULL -> null;
            case FLOAT -> value == null ? Double.POSITIVE_INFINITY : value;
            case BLOB -> Base64.getDecoder().decode(base64);
            default -> value;
        };
    }

    /**
     * The next field's name, or null at the object's end; when {@code expected} is given it is compared with
     * the reply's bytes where they stand, and on a match answered without the parser's look-up of the name.
     */
    private String nextFieldName(SerializedString expected) throws IOException {
        if (expected == null) return p.nextFieldName();
        if (p.nextFieldName(expected)) return expected.getValue();
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /**
     * The {@code value} field read for a known type: a Long for an integer (null when it is none), a Double
     * or null for a float, the text for text. Before the type is known it is kept as a {@link Scalar}.
     */
    private Object scalar(JsonToken t, ValueType type) throws IOException, BadReply {
        if (type == null) {
            if (t.isStructStart()) {
                p.skipChildren();
                return null;
            }
            return new Scalar(t, t == JsonToken.VALUE_NULL ? null : p.getText(),
                    t.isNumeric() ? p.getNumberValue() : null);
        }
        return switch (type) {
            case INTEGER -> integer(t);
            case FLOAT -> t.isNumeric() ? (Object) p.getDoubleValue() : t == JsonToken.VALUE_NULL ? null : brief(t);
            case TEXT -> t == JsonToken.VALUE_STRING ? p.getText() : brief(t);
            default -> {
                p.skipChildren();
                yield null;
            }
        };
    }

    /** A 64-bit integer written as a decimal string or an integral JSON number; the token's text when it is none. */
    private Object integer(JsonToken t) throws IOException, BadReply {
        if (t == JsonToken.VALUE_STRING) {
            Long n = parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return n != null ? n : brief(t);
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return brief(t);
    }

    /** {@link Long#parseLong} over a slice of characters, without making a string; null when it is not one. */
    static Long parseLong(char[] chars, int offset, int length) {
        if (length == 0) return null;
        int i = offset;
        int end = offset + length;
        boolean negative = chars[i] == '-';
        if (negative || chars[i] == '+') {
            if (++i == end) return null;
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long result = 0; // accumulated negatively, as Long.parseLong does, so that MIN_VALUE fits
        for (; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9 || result < Long.MIN_VALUE / 10) return null;
            result *= 10;
            if (result < limit + digit) return null;
            result -= digit;
        }
        return negative ? result : -result;
    }

    private String text(Object value, JsonToken token) {
        if (value instanceof String s) return brief(s);
        return token == null ? "missing" : String.valueOf(value);
    }

    private String nullOrText(JsonToken token, String name) throws IOException, BadReply {
        if (token == JsonToken.VALUE_NULL) return null;
        if (token == JsonToken.VALUE_STRING) return p.getText();
        throw bad("\"baton\" or \"base_url\" is neither a string nor null");
    }

    /** A short rendering of the current token, for messages; skips a container's contents. */
    private String brief(JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            p.skipChildren();
            return "{…}";
        }
        if (token == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "[…]";
        }
        String text = token == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
        return brief(text);
    }

    private static String brief(String text) {
        return text.length() > BRIEF ? text.substring(0, BRIEF) + "…" : text;
    }

    private static boolean isBase64(String text) {
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

    private static BadReply bad(String problem) {
        return new BadReply(problem);
    }

    /** The batch's outcomes, or the error of the batch request itself. */
    private record FirstResult(List<StepOutcome> steps, StepOutcome error) {
    }

    /** A {@code value} field met before its value's {@code type}: its token, text and number. */
    private record Scalar(JsonToken token, String text, Number number) {
        Object as(ValueType type) {
            return switch (type) {
                case INTEGER -> token == JsonToken.VALUE_STRING ? orText(parseLong(text.toCharArray(), 0, text.length()))
                        : token == JsonToken.VALUE_NUMBER_INT && (number instanceof Long || number instanceof Integer)
                        ? (Object) number.longValue() : text;
                case FLOAT -> number != null ? (Object) number.doubleValue() : token == JsonToken.VALUE_NULL ? null : text;
                case TEXT -> text;
                default -> null;
            };
        }

        private Object orText(Long n) {
            return n != null ? n : text;
        }
    }

    /** The five Hrana value types. */
    private enum ValueType {
        NULL, INTEGER, FLOAT, TEXT, BLOB;

        /** The type named by the current string token, compared without making a string. */
        static ValueType of(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) return null;
            char[] c = p.getTextCharacters();
            int o = p.getTextOffset();
            int n = p.getTextLength();
            if (is("integer", c, o, n)) return INTEGER;
            if (is("text", c, o, n)) return TEXT;
            if (is("float", c, o, n)) return FLOAT;
            if (is("null", c, o, n)) return NULL;
            if (is("blob", c, o, n)) return BLOB;
            return null;
        }

        private static boolean is(String name, char[] c, int o, int n) {
            if (n != name.length()) return false;
            for (int i = 0; i < n; i++) {
                if (c[o + i] != name.charAt(i)) return false;
            }
            return true;
        }
    }
}
