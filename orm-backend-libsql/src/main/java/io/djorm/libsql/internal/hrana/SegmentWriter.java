package io.djorm.libsql.internal.hrana;

import java.nio.charset.StandardCharsets;

/**
 * Writes bytes straight into the chunks of a request's {@link RequestBytes}: each byte is a store into the
 * chunk's array, where each of an output stream's writes (a value's {@code {"type":...}} prefix, a digit, a
 * quote) would check its room, copy and count. A thousand-row insert's args were a quarter of its client
 * work, half of it in such calls. No other writer may write the bytes until {@link #close}, which counts
 * what was written; the next writer continues from there.
 */
final class SegmentWriter implements AutoCloseable {
    /** The most bytes one character takes, as a JSON escape or as UTF-8. */
    private static final int MAX_CHAR_BYTES = 6;
    private static final int SEGMENT_SIZE = RequestBytes.CHUNK_SIZE;
    private static final byte[] LONG_MIN = ascii(Long.toString(Long.MIN_VALUE));
    /** 10^0 to 10^18: a positive long has as many digits as the powers up to it. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    private final RequestBytes out;
    private byte[] data;
    private int pos;

    SegmentWriter(RequestBytes out) {
        this.out = out;
        this.data = out.chunk();
        this.pos = out.position();
    }

    /** Makes room for at least {@code n} bytes (at most a chunk) in one piece. */
    private void room(int n) {
        if (SEGMENT_SIZE - pos >= n) return;
        data = out.nextChunk(pos);
        pos = 0;
    }

    /**
     * Makes room for the next {@code n} bytes (at most a chunk) in one piece, for the {@code put} methods,
     * which store without looking: a value's prefix, digits and closing quote take one check instead of one each.
     */
    void reserve(int n) {
        room(n);
    }

    /** Stores {@code bytes} in the room {@link #reserve}d. */
    void put(byte[] bytes) {
        System.arraycopy(bytes, 0, data, pos, bytes.length);
        pos += bytes.length;
    }

    /** Stores one byte in the room {@link #reserve}d. */
    void put(char c) {
        data[pos++] = (byte) c;
    }

    /** Stores {@code v} in decimal, at most 20 bytes, in the room {@link #reserve}d. */
    void putDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            put(LONG_MIN);
            return;
        }
        byte[] d = data;
        int p = pos;
        if (v < 0) {
            d[p++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) digits++;
        int end = p + digits;
        for (int i = end - 1; i > p; i--) {
            long q = v / 10;
            d[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        d[p] = (byte) ('0' + v);
        pos = end;
    }

    /** One byte. */
    void writeByte(int b) {
        room(1);
        data[pos++] = (byte) b;
    }

    /** All of {@code bytes}. */
    void write(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int n = Math.min(bytes.length - offset, SEGMENT_SIZE);
            room(Math.min(n, 64)); // a short run in the room left; a long one fills rooms in turn
            n = Math.min(n, SEGMENT_SIZE - pos);
            System.arraycopy(bytes, offset, data, pos, n);
            pos += n;
            offset += n;
        }
    }

    /** The characters of a string known to be ASCII (a number's text). */
    void writeAscii(String s) {
        for (int i = 0; i < s.length(); i++) writeByte(s.charAt(i));
    }

    /** Stores exactly {@code count} decimal digits of {@code v} (0 &lt;= v &lt; 10^count), zeros first, in the room {@link #reserve}d. */
    void putDigits(long v, int count) {
        byte[] d = data;
        for (int i = pos + count - 1; i >= pos; i--) {
            long q = v / 10;
            d[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        pos += count;
    }

    /** {@code v} in decimal. */
    void writeDecimal(long v) {
        room(20);
        putDecimal(v);
    }

    /**
     * {@code s}'s characters as the inside of a JSON string: a character {@code escapes} marks (by the
     * letter that follows the backslash, or {@code 'u'} for a {@code \\u00XX} escape) is escaped, a
     * surrogate pair is written as the 4 bytes of its code point, a lone surrogate (which has no UTF-8
     * form) as a {@code \\u} escape, anything else as its UTF-8 bytes.
     */
    void writeJsonChars(String s, byte[] escapes, byte[] hex) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            room(MAX_CHAR_BYTES);
            byte[] d = data;
            int p = pos;
            // The characters that fit in the room at their longest: stored without a check each.
            int stop = Math.min(n, i + (SEGMENT_SIZE - p) / MAX_CHAR_BYTES);
            for (; i < stop; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    byte escape = escapes[c];
                    if (escape == 0) {
                        d[p++] = (byte) c;
                    } else {
                        d[p++] = '\\';
                        if (escape == 'u') p = unicodeEscape(d, p, c, hex);
                        else d[p++] = escape;
                    }
                } else if (c < 0x800) {
                    d[p++] = (byte) (0xC0 | c >> 6);
                    d[p++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    d[p++] = (byte) (0xE0 | c >> 12);
                    d[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    d[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    // 4 bytes for two characters: within the room of one even past the stop
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    d[p++] = (byte) (0xF0 | cp >> 18);
                    d[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    d[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    d[p++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    d[p++] = '\\';
                    p = unicodeEscape(d, p, c, hex);
                }
            }
            pos = p;
        }
    }

    /** Stores {@code u} and {@code c}'s four hex digits at {@code p}; answers the position after them. */
    private static int unicodeEscape(byte[] d, int p, char c, byte[] hex) {
        d[p++] = 'u';
        d[p++] = hex[c >> 12];
        d[p++] = hex[(c >> 8) & 0xf];
        d[p++] = hex[(c >> 4) & 0xf];
        d[p++] = hex[c & 0xf];
        return p;
    }

    /** Counts what was written: the bytes can be written otherwise again. */
    @Override
    public void close() {
        out.position(pos);
    }

    /** The bytes of a fixed JSON fragment (ASCII only), made once into a constant by the request writers. */
    static byte[] ascii(String fragment) {
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }
}
