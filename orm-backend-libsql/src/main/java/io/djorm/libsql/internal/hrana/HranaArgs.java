package io.djorm.libsql.internal.hrana;

import java.util.Base64;
import java.util.List;

/**
 * Writes a statement's {@code args}, the JSON array of its parameters as Hrana values ({@link HranaValues}),
 * as UTF-8 straight into the request's bytes ({@link RequestBytes}, through a {@link SegmentWriter}), as the
 * rest of the request is written ({@link BatchBuilder}). A thousand-row insert has thousands of values: written token by token, each cost the
 * generator six calls that each checked its nesting state; written as raw text through the generator, each
 * character was still copied into a buffer of chars and encoded from there. Here each value is encoded once,
 * where it is sent from.
 *
 * <p>The text is what the generator wrote token by token, except that a surrogate pair travels as itself
 * (4 bytes of UTF-8, which {@link RequestSize} counts) rather than as two {@code \\u} escapes: the same
 * string to any JSON reader. A lone surrogate has no UTF-8 form and is escaped, as before.
 */
final class HranaArgs {
    private static final byte[] NULL = SegmentWriter.ascii("{\"type\":\"null\"}");
    private static final byte[] INTEGER = SegmentWriter.ascii("{\"type\":\"integer\",\"value\":\"");
    private static final byte[] FLOAT = SegmentWriter.ascii("{\"type\":\"float\",\"value\":");
    private static final byte[] TEXT = SegmentWriter.ascii("{\"type\":\"text\",\"value\":\"");
    private static final byte[] BLOB = SegmentWriter.ascii("{\"type\":\"blob\",\"base64\":\"");
    private static final byte[] HEX = SegmentWriter.ascii("0123456789ABCDEF");
    /** How each ASCII character is written inside a string: 0 as itself, a letter after a backslash, 'u' as {@code \\u00XX}. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) ESCAPES[c] = 'u';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private HranaArgs() {
    }

    /** Writes the parameters' array with {@code w}; fails as {@link HranaValues#check} does. */
    static void write(SegmentWriter w, List<Object> params) {
        w.writeByte('[');
        for (int i = 0, n = params.size(); i < n; i++) {
            // The two commonest kinds (keys and counts, texts) take their comma in the room reserved for their
            // prefix, one check of the room for both; the rest go through value(), too large to be inlined here.
            Object value = params.get(i);
            if (value instanceof Long l) {
                integer(w, l, i > 0);
            } else if (value instanceof String s) {
                text(w, s, i > 0);
            } else {
                if (i > 0) w.writeByte(',');
                value(w, value);
            }
        }
        w.writeByte(']');
    }

    private static void integer(SegmentWriter w, long v, boolean comma) {
        w.reserve(1 + INTEGER.length + 22); // the comma, the prefix, 20 digits at most and the closing quote and brace
        if (comma) w.put(',');
        w.put(INTEGER);
        w.putDecimal(v);
        w.put('"');
        w.put('}');
    }

    private static void text(SegmentWriter w, String s, boolean comma) {
        w.reserve(1 + TEXT.length);
        if (comma) w.put(',');
        w.put(TEXT);
        w.writeJsonChars(s, ESCAPES, HEX);
        closeString(w);
    }

    /** A value of any kind but the two {@link #write} takes itself. */
    private static void value(SegmentWriter w, Object value) {
        if (value == null) {
            w.reserve(NULL.length);
            w.put(NULL);
        } else if (value instanceof Double d) {
            real(w, d);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(w, ((Number) value).longValue(), false);
        } else if (value instanceof Boolean b) {
            integer(w, b ? 1 : 0, false);
        } else if (value instanceof Float f) {
            real(w, f.doubleValue());
        } else if (value instanceof byte[] bytes) {
            w.write(BLOB);
            w.write(Base64.getEncoder().encode(bytes));
            closeString(w);
        } else {
            HranaValues.check(value); // throws: the value has no Hrana form
            throw new IllegalStateException("HranaValues.check accepted " + value.getClass().getName());
        }
    }

    private static void real(SegmentWriter w, double d) {
        double v = HranaValues.finite(d);
        w.reserve(FLOAT.length);
        w.put(FLOAT);
        if (!ShortDecimals.write(w, v)) w.writeAscii(Double.toString(v));
        w.writeByte('}');
    }

    private static void closeString(SegmentWriter w) {
        w.reserve(2);
        w.put('"');
        w.put('}');
    }

    /**
     * A string as a JSON string: quoted, its characters escaped as the generator escapes them, except that
     * a surrogate pair travels as itself (see the class comment).
     */
    static void quoted(SegmentWriter w, String s) {
        w.writeByte('"');
        w.writeJsonChars(s, ESCAPES, HEX);
        w.writeByte('"');
    }

}
