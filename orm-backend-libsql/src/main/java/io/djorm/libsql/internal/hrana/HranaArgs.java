package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import okio.Buffer;

/**
 * Writes a statement's {@code args}, the JSON array of its parameters as Hrana values ({@link HranaValues}),
 * as UTF-8 straight into the request's bytes ({@link RequestBytes}), past the generator that writes the
 * rest of the request. A thousand-row insert has thousands of values: written token by token, each cost the
 * generator six calls that each checked its nesting state; written as raw text through the generator, each
 * character was still copied into a buffer of chars and encoded from there. Here each value is encoded once,
 * where it is sent from.
 *
 * <p>The text is what the generator wrote token by token, except that a surrogate pair travels as itself
 * (4 bytes of UTF-8, which {@link RequestSize} counts) rather than as two {@code \\u} escapes: the same
 * string to any JSON reader. A lone surrogate has no UTF-8 form and is escaped, as before.
 */
final class HranaArgs {
    private static final byte[] NULL = ascii("{\"type\":\"null\"}");
    private static final byte[] INTEGER = ascii("{\"type\":\"integer\",\"value\":\"");
    private static final byte[] FLOAT = ascii("{\"type\":\"float\",\"value\":");
    private static final byte[] TEXT = ascii("{\"type\":\"text\",\"value\":\"");
    private static final byte[] BLOB = ascii("{\"type\":\"blob\",\"base64\":\"");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
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

    private final JsonGenerator g;
    private final Buffer out;

    /** A writer of args arrays for any number of statements in turn; {@code g} writes the rest of the request into {@code bytes}. */
    HranaArgs(JsonGenerator g, RequestBytes bytes) {
        this.g = g;
        this.out = bytes.buffer();
    }

    /** Writes a statement's SQL text as the generator's next value ({@link SqlTexts}: a long text's bytes are kept). */
    void sql(String sql) throws IOException {
        g.writeRawValue("");
        g.flush();
        SqlTexts.write(out, sql);
    }

    /** Writes the parameters' array as the generator's next value; fails as {@link HranaValues#check} does. */
    void write(List<Object> params) throws IOException {
        g.writeRawValue(""); // the generator writes what goes before a value (a ':' or ',') and counts the value as written,
        g.flush(); // and everything it holds reaches the bytes before the array does
        out.writeByte('[');
        for (int i = 0, n = params.size(); i < n; i++) {
            if (i > 0) out.writeByte(',');
            value(params.get(i));
        }
        out.writeByte(']');
    }

    private void value(Object value) {
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof String s) {
            out.write(TEXT);
            string(out, s);
            closeString();
        } else if (value instanceof Long l) {
            integer(l);
        } else if (value instanceof Double d) {
            real(d);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            integer(b ? 1 : 0);
        } else if (value instanceof Float f) {
            real(f.doubleValue());
        } else if (value instanceof byte[] bytes) {
            out.write(BLOB);
            out.write(Base64.getEncoder().encode(bytes));
            closeString();
        } else {
            HranaValues.check(value); // throws: the value has no Hrana form
            throw new IllegalStateException("HranaValues.check accepted " + value.getClass().getName());
        }
    }

    private void integer(long v) {
        out.write(INTEGER);
        out.writeDecimalLong(v);
        closeString();
    }

    private void real(double d) {
        double v = HranaValues.finite(d);
        out.write(FLOAT);
        if (!ShortDecimals.write(out, v)) out.writeUtf8(Double.toString(v));
        out.writeByte('}');
    }

    private void closeString() {
        out.writeByte('"');
        out.writeByte('}');
    }

    /** A string as a JSON string: quoted, escaped as {@link #string} escapes it. */
    static void quoted(Buffer out, String s) {
        out.writeByte('"');
        string(out, s);
        out.writeByte('"');
    }

    /** A string's characters as escaped JSON, without the quotes: the runs between escapes encoded whole. */
    private static void string(Buffer out, String s) {
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? ESCAPES[c] == 0 : !Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair stays in its run: encoded as one code point
                continue;
            }
            if (run < i) out.writeUtf8(s, run, i);
            out.writeByte('\\');
            byte escape = c < 0x80 ? ESCAPES[c] : (byte) 'u'; // a lone surrogate has no UTF-8 form
            if (escape == 'u') unicodeEscape(out, c);
            else out.writeByte(escape);
            run = i + 1;
        }
        if (run < n) out.writeUtf8(s, run, n);
    }

    private static void unicodeEscape(Buffer out, char c) {
        out.writeByte('u');
        out.writeByte(HEX[c >> 12]);
        out.writeByte(HEX[(c >> 8) & 0xf]);
        out.writeByte(HEX[(c >> 4) & 0xf]);
        out.writeByte(HEX[c & 0xf]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
