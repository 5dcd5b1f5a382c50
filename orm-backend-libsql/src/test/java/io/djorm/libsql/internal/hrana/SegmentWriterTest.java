package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes written into a request's chunks: exactly those, across chunk boundaries, and the next writer continuing after them. */
class SegmentWriterTest {
    private static final byte[] NO_ESCAPES = new byte[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decimalsAreWrittenAsLongToStringWritesThem() {
        List<Long> values = new ArrayList<>(List.of(0L, 12345L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -Long.MAX_VALUE));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10 * 10; power *= 10) { // each digit count's edges
            for (long v : new long[] {power - 1, power, power + 1}) {
                values.add(v);
                values.add(-v);
            }
        }
        RequestBytes out = new RequestBytes();
        StringBuilder expected = new StringBuilder();
        try (SegmentWriter w = new SegmentWriter(out)) {
            for (long v : values) {
                w.writeDecimal(v);
                w.writeByte(' ');
                expected.append(v).append(' ');
            }
        }
        assertThat(text(out)).isEqualTo(expected.toString());
    }

    @Test
    void writesAcrossSegmentsAndCountsExactlyWhatWasWritten() {
        RequestBytes out = new RequestBytes();
        writeAlone(out, "head:".getBytes(StandardCharsets.US_ASCII)); // a writer's bytes before this one's
        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        StringBuilder expected = new StringBuilder("head:");
        try (SegmentWriter w = new SegmentWriter(out)) {
            for (int i = 0; i < 3_000; i++) {
                w.writeDecimal(i);
                w.writeByte(',');
                expected.append(i).append(',');
            }
            w.write(big);
            expected.append(new String(big, StandardCharsets.US_ASCII));
            w.writeAscii("1.5E300");
            expected.append("1.5E300");
        }
        writeAlone(out, ":tail".getBytes(StandardCharsets.US_ASCII)); // and another's after
        expected.append(":tail");
        assertThat(out.size()).isEqualTo(expected.length());
        assertThat(text(out)).isEqualTo(expected.toString());
    }

    @Test
    void charactersAreEncodedAsUtf8WithPairsWholeAndLoneSurrogatesEscaped() {
        byte[] escapes = Arrays.copyOf(NO_ESCAPES, 128);
        escapes['"'] = '"';
        escapes['\n'] = 'n';
        escapes[1] = 'u';
        String s = "a\"b\nc\u0001 é € \uD83D\uDE00 \uD800x \uDC00";
        RequestBytes out = new RequestBytes();
        try (SegmentWriter w = new SegmentWriter(out)) {
            w.writeJsonChars(s, escapes, HEX);
        }
        String expected = "a\\\"b\\nc\\u0001 é € \uD83D\uDE00 \\uD800x \\uDC00";
        assertThat(out.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLongStringOfWideCharactersCrossesSegments() {
        String s = "€\uD83D\uDE00é".repeat(5_000);
        RequestBytes out = new RequestBytes();
        try (SegmentWriter w = new SegmentWriter(out)) {
            w.writeJsonChars(s, NO_ESCAPES, HEX);
        }
        assertThat(text(out)).isEqualTo(s);
    }

    @Test
    void charactersAtTheirLongestAreWholeWhereverAChunkEnds() {
        String s = "\u0001\uD83D\uDE00é\"€\uD800a".repeat(40);
        String expected = "\\u0001\uD83D\uDE00é\\\"€\\uD800a".repeat(40);
        byte[] escapes = Arrays.copyOf(NO_ESCAPES, 128);
        escapes['"'] = '"';
        escapes[1] = 'u';
        for (int before = RequestBytes.CHUNK_SIZE - 300; before <= RequestBytes.CHUNK_SIZE; before++) {
            RequestBytes out = new RequestBytes();
            writeAlone(out, new byte[before]);
            try (SegmentWriter w = new SegmentWriter(out)) {
                w.writeJsonChars(s, escapes, HEX);
            }
            byte[] bytes = out.toByteArray();
            assertThat(new String(bytes, before, bytes.length - before, StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    @Test
    void nothingWrittenLeavesTheBufferAsItWas() {
        RequestBytes out = new RequestBytes();
        writeAlone(out, new byte[] {'x'});
        new SegmentWriter(out).close();
        assertThat(text(out)).isEqualTo("x");
    }

    /** Writes {@code bytes} with a writer of its own, closed before the next one starts. */
    private static void writeAlone(RequestBytes out, byte[] bytes) {
        try (SegmentWriter w = new SegmentWriter(out)) {
            w.write(bytes);
        }
    }

    private static String text(RequestBytes out) {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
