package io.djorm.libsql.internal.hrana;

/**
 * Writes bytes straight into the chunks of a request's {@link RequestBytes}: each byte is a store into the
 * chunk's array, where each of an output stream's writes (a value's {@code {"type":...}} prefix, a digit, a
 * quote) would check its room, copy and count. A thousand-row insert's args were a quarter of its client
 * work, half of it in such calls. The bytes must not be written otherwise until {@link #close}, which
 * counts what was written.
 */
final class SegmentWriter implements AutoCloseable {
    /** The most bytes one character takes, as a JSON escape or as UTF-8. */
    private static final int MAX_CHAR_BYTES = 6;
    private static final int SEGMENT_SIZE = RequestBytes.CHUNK_SIZE;

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

    /** {@code v} in decimal. */
    void writeDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            writeAscii("-9223372036854775808");
            return;
        }
        room(20);
        if (v < 0) {
            data[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long rest = v / 10; rest != 0; rest /= 10) digits++;
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            data[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos = end;
    }

    /**
     * {@code s}'s characters as the inside of a JSON string: a character {@code escapes} marks (by the
     * letter that follows the backslash, or {@code 'u'} for a {@code \\u00XX} escape) is escaped, a
     * surrogate pair is written as the 4 bytes of its code point, a lone surrogate (which has no UTF-8
     * form) as a {@code \\u} escape, anything else as its UTF-8 bytes.
     */
    void writeJsonChars(String s, byte[] escapes, byte[] hex) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            room(MAX_CHAR_BYTES);
            char c = s.charAt(i);
            if (c < 0x80) {
                byte escape = escapes[c];
                if (escape == 0) {
                    data[pos++] = (byte) c;
                } else {
                    data[pos++] = '\\';
                    if (escape == 'u') unicodeEscape(c, hex);
                    else data[pos++] = escape;
                }
            } else if (c < 0x800) {
                data[pos++] = (byte) (0xC0 | c >> 6);
                data[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                data[pos++] = (byte) (0xE0 | c >> 12);
                data[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                data[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                data[pos++] = (byte) (0xF0 | cp >> 18);
                data[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                data[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                data[pos++] = (byte) (0x80 | cp & 0x3F);
            } else {
                data[pos++] = '\\';
                unicodeEscape(c, hex);
            }
        }
    }

    private void unicodeEscape(char c, byte[] hex) {
        data[pos++] = 'u';
        data[pos++] = hex[c >> 12];
        data[pos++] = hex[(c >> 8) & 0xf];
        data[pos++] = hex[(c >> 4) & 0xf];
        data[pos++] = hex[c & 0xf];
    }

    /** Counts what was written: the bytes can be written otherwise again. */
    @Override
    public void close() {
        out.position(pos);
    }
}
