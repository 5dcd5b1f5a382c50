package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A narrow fast path for the bulk of a bulk insert's reply: the rows of its RETURNING of an integer key, a
 * thousand {@code [{"type":"integer","value":"N"}]} in a row, which the JSON parser read at eight tokens and a
 * dozen calls a row (two fifths of a bulkCreate's client work). Before the reply is parsed, each {@code "rows"}
 * list written exactly in that compact form (no spaces, the fields in that order, a plain decimal of 64 bits at
 * most) is read here and cut out of the text the parser gets, which sees an empty list in its place;
 * {@link ReplyReader} takes the rows read here for it. Anything else, down to one byte, is left to the parser:
 * the first non-empty list not in that form ends the search, so that a reply of other rows costs no more than a
 * scan of its text up to them. The cut replaces a valid JSON array by another, so the parser still finds every
 * fault of the rest of the text.
 */
final class CompactKeyRows {
    private static final byte[] FIELD = SegmentWriter.ascii("\"rows\":[");
    private static final byte[] ROW_START = SegmentWriter.ascii("[{\"type\":\"integer\",\"value\":\"");
    private static final byte[] ROW_END = SegmentWriter.ascii("\"}]");
    private static final byte[] EMPTY_LIST = SegmentWriter.ascii("[]");
    /** The most digits of a 64-bit integer. */
    private static final int MAX_DIGITS = 19;

    private final byte[] text;
    /** Where each cut list's empty stand-in starts in {@link #text}, in order, and the rows read from it. */
    private final long[] offsets;
    private final List<Object[]>[] rows;
    private final int count;

    private CompactKeyRows(byte[] text, long[] offsets, List<Object[]>[] rows, int count) {
        this.text = text;
        this.offsets = offsets;
        this.rows = rows;
        this.count = count;
    }

    /**
     * The first {@code length} bytes of {@code body} with their compact key lists cut out, or null when there is
     * none (the body is then parsed as it is).
     */
    static CompactKeyRows cut(byte[] body, int length) {
        int[] starts = new int[4]; // of each list cut, and the index just after it
        int[] ends = new int[4];
        @SuppressWarnings("unchecked")
        List<Object[]>[] lists = new List[4];
        int count = 0;
        int i = 0;
        while (true) {
            int quote = indexOfQuote(body, i, length);
            if (quote < 0) break;
            if (!startsWith(body, quote, length, FIELD)) {
                i = afterString(body, quote + 1, length);
                if (i < 0) break; // an unterminated string: the parser will say so
                continue;
            }
            int list = quote + FIELD.length - 1;
            if (list + 1 < length && body[list + 1] == ']') { // no rows (a BEGIN's, a write's): nothing to cut
                i = list + 2;
                continue;
            }
            Rows read = rows(body, list, length);
            if (read == null) break; // rows of another form: not a key reply, the parser reads the rest
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                lists = Arrays.copyOf(lists, count * 2);
            }
            starts[count] = list;
            ends[count] = read.end;
            lists[count++] = read.rows;
            i = read.end;
        }
        if (count == 0) return null;
        int size = length;
        for (int k = 0; k < count; k++) size -= ends[k] - starts[k] - EMPTY_LIST.length;
        byte[] text = new byte[size]; // the rest of the reply: a kilobyte beside a thousand keys' 36
        long[] offsets = new long[count];
        int written = 0;
        int copiedUpTo = 0;
        for (int k = 0; k < count; k++) {
            int kept = starts[k] - copiedUpTo;
            System.arraycopy(body, copiedUpTo, text, written, kept);
            written += kept;
            offsets[k] = written;
            System.arraycopy(EMPTY_LIST, 0, text, written, EMPTY_LIST.length);
            written += EMPTY_LIST.length;
            copiedUpTo = ends[k];
        }
        System.arraycopy(body, copiedUpTo, text, written, length - copiedUpTo);
        return new CompactKeyRows(text, offsets, lists, count);
    }

    /** A parser of the text left after the cut. */
    JsonParser parser(JsonFactory factory) throws IOException {
        return factory.createParser(text);
    }

    /** The rows cut from where an empty list now starts at byte {@code offset} of the text, or null when none was. */
    List<Object[]> rowsAt(long offset) {
        int at = Arrays.binarySearch(offsets, 0, count, offset);
        return at >= 0 ? rows[at] : null;
    }

    /** A list of compact key rows read from the list starting at {@code start}, or null at the first byte of another form. */
    private static Rows rows(byte[] b, int start, int length) {
        long[] keys = new long[64];
        int count = 0;
        int p = start + 1;
        while (true) {
            if (!startsWith(b, p, length, ROW_START)) return null;
            p += ROW_START.length;
            int sign = p < length && b[p] == '-' ? 1 : 0;
            int digits = p + sign;
            int end = digits;
            long limit = sign == 1 ? Long.MIN_VALUE : -Long.MAX_VALUE;
            long value = 0; // accumulated negatively, as Long.parseLong does, so that MIN_VALUE fits
            while (end < length && b[end] >= '0' && b[end] <= '9') {
                if (end - digits == MAX_DIGITS || value < Long.MIN_VALUE / 10) return null;
                int digit = b[end++] - '0';
                value *= 10;
                if (value < limit + digit) return null;
                value -= digit;
            }
            if (end == digits || !startsWith(b, end, length, ROW_END)) return null;
            p = end + ROW_END.length;
            if (count == keys.length) keys = Arrays.copyOf(keys, count * 2);
            keys[count++] = sign == 1 ? value : -value;
            if (p >= length) return null;
            byte next = b[p++];
            if (next == ']') return new Rows(new KeyRows(keys, count), p);
            if (next != ',') return null;
        }
    }

    /** The index just after the string whose contents start at {@code i}, or -1 when it does not end. */
    private static int afterString(byte[] b, int i, int length) {
        while (i < length) {
            byte c = b[i++];
            if (c == '"') return i;
            if (c == '\\') i++; // the escaped character, a quote among them
        }
        return -1;
    }

    private static int indexOfQuote(byte[] b, int i, int length) {
        for (; i < length; i++) {
            if (b[i] == '"') return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int length, byte[] prefix) {
        // Arrays.equals compares by words (the JDK's vectorized mismatch), not byte by byte
        return length - at >= prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** The rows of one cut list and the index just after it. */
    private record Rows(List<Object[]> rows, int end) {
    }
}
