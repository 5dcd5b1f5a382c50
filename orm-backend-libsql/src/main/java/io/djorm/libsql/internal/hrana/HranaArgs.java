package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes a statement's {@code args}, the JSON array of its parameters as Hrana values ({@link HranaValues}),
 * as raw JSON text through a reused chunk of characters. A thousand-row insert has thousands of values;
 * written token by token, each cost the generator six calls that each checked its nesting state, more
 * than writing the value itself. The generator still encodes the text (UTF-8 on the wire) and buffers
 * the request, so no value leaves an array of its own behind.
 *
 * <p>The text is what the generator wrote token by token, except that a surrogate pair travels as
 * itself (the generator's raw output makes it 4 bytes of UTF-8, which {@link RequestSize} counts)
 * rather than as two {@code \\u} escapes: the same string to any JSON reader. A lone surrogate is
 * escaped, as before.
 */
final class HranaArgs {
    /** Small enough that the generator encodes a chunk in one go (at most 3 bytes a char in its 8,000-byte buffer). */
    private static final int CHUNK = 2048;
    /** Room kept for one value's fixed part or one character's longest escape. */
    private static final int SLACK = 64;
    private static final char[] NULL = "{\"type\":\"null\"}".toCharArray();
    private static final char[] INTEGER = "{\"type\":\"integer\",\"value\":\"".toCharArray();
    private static final char[] FLOAT = "{\"type\":\"float\",\"value\":".toCharArray();
    private static final char[] TEXT = "{\"type\":\"text\",\"value\":\"".toCharArray();
    private static final char[] BLOB = "{\"type\":\"blob\",\"base64\":\"".toCharArray();
    private static final char[] LONG_MIN = Long.toString(Long.MIN_VALUE).toCharArray();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** How each ASCII character is written inside a string: 0 as itself, a letter after a backslash, 'u' as {@code \\u00XX}. */
    private static final char[] ESCAPES = new char[128];

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
    private final char[] buf = new char[CHUNK];
    private int len;
    /** Whether the array was opened as the generator's current value (then the rest is raw text). */
    private boolean opened;

    /** A writer of args arrays into {@code g}, for any number of statements in turn. */
    HranaArgs(JsonGenerator g) {
        this.g = g;
    }

    /** Writes the parameters' array as the generator's next value; fails as {@link HranaValues#check} does. */
    void write(List<Object> params) throws IOException {
        len = 0;
        opened = false;
        buf[len++] = '[';
        for (int i = 0, n = params.size(); i < n; i++) {
            if (len > CHUNK - SLACK) flush();
            if (i > 0) buf[len++] = ',';
            value(params.get(i));
        }
        buf[len++] = ']';
        flush();
    }

    private void value(Object value) throws IOException {
        if (value == null) {
            put(NULL);
        } else if (value instanceof String s) {
            put(TEXT);
            string(s);
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
            put(BLOB);
            for (byte b : Base64.getEncoder().encode(bytes)) {
                if (len > CHUNK - SLACK) flush();
                buf[len++] = (char) b;
            }
            closeString();
        } else {
            HranaValues.check(value); // throws: the value has no Hrana form
            throw new IllegalStateException("HranaValues.check accepted " + value.getClass().getName());
        }
    }

    /** Fixed parts and digits fit in the slack kept before each value. */
    private void put(char[] chars) {
        System.arraycopy(chars, 0, buf, len, chars.length);
        len += chars.length;
    }

    private void integer(long v) {
        put(INTEGER);
        if (v == Long.MIN_VALUE) {
            put(LONG_MIN);
        } else {
            if (v < 0) {
                buf[len++] = '-';
                v = -v;
            }
            int digits = 1;
            for (long rest = v / 10; rest > 0; rest /= 10) digits++;
            int end = len + digits;
            for (int i = end - 1; i >= len; i--) {
                buf[i] = (char) ('0' + (int) (v % 10));
                v /= 10;
            }
            len = end;
        }
        closeString();
    }

    private void real(double d) {
        put(FLOAT);
        String text = Double.toString(HranaValues.finite(d));
        text.getChars(0, text.length(), buf, len);
        len += text.length();
        buf[len++] = '}';
    }

    private void closeString() {
        buf[len++] = '"';
        buf[len++] = '}';
    }

    /** A string's characters as escaped JSON, without the quotes: copied whole when nothing needs escaping. */
    private void string(String s) throws IOException {
        int n = s.length();
        if (n <= CHUNK - SLACK - len) {
            s.getChars(0, n, buf, len);
            int end = len + n;
            int i = len;
            while (i < end && plain(buf[i])) i++;
            if (i == end) {
                len = end;
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            if (len > CHUNK - SLACK) flush();
            char c = s.charAt(i);
            if (plain(c)) {
                buf[len++] = c;
            } else if (c < 0x80) {
                buf[len++] = '\\';
                char escape = ESCAPES[c];
                if (escape == 'u') unicodeEscape(c);
                else buf[len++] = escape;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                buf[len++] = c; // a pair stays in one chunk: the generator encodes it as one code point
                buf[len++] = s.charAt(++i);
            } else {
                buf[len++] = '\\';
                unicodeEscape(c); // a lone surrogate has no UTF-8 form
            }
        }
    }

    /** A character written as itself: not a quote, backslash, control character or surrogate. */
    private static boolean plain(char c) {
        return c < 0x80 ? ESCAPES[c] == 0 : !Character.isSurrogate(c);
    }

    private void unicodeEscape(char c) {
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12];
        buf[len++] = HEX[(c >> 8) & 0xf];
        buf[len++] = HEX[(c >> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
    }

    private void flush() throws IOException {
        if (opened) {
            g.writeRaw(buf, 0, len);
        } else {
            g.writeRawValue(buf, 0, len);
            opened = true;
        }
        len = 0;
    }
}
