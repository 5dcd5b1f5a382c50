package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Bytes written into a buffer's segments: exactly those, across segment boundaries, and the buffer usable after. */
class SegmentWriterTest {
    private static final byte[] NO_ESCAPES = new byte[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decimalsAreWrittenAsLongToStringWritesThem() {
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 12345, Integer.MAX_VALUE, Integer.MIN_VALUE,
                999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        Buffer out = new Buffer();
        StringBuilder expected = new StringBuilder();
        try (SegmentWriter w = new SegmentWriter(out)) {
            for (long v : values) {
                w.writeDecimal(v);
                w.writeByte(' ');
                expected.append(v).append(' ');
            }
        }
        assertThat(out.readUtf8()).isEqualTo(expected.toString());
    }

    @Test
    void writesAcrossSegmentsAndCountsExactlyWhatWasWritten() {
        Buffer out = new Buffer();
        out.writeUtf8("head:"); // the generator's bytes before the writer's
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
        out.writeUtf8(":tail"); // and the generator's after
        expected.append(":tail");
        assertThat(out.size()).isEqualTo(expected.length());
        assertThat(out.readUtf8()).isEqualTo(expected.toString());
    }

    @Test
    void charactersAreEncodedAsUtf8WithPairsWholeAndLoneSurrogatesEscaped() {
        byte[] escapes = Arrays.copyOf(NO_ESCAPES, 128);
        escapes['"'] = '"';
        escapes['\n'] = 'n';
        escapes[1] = 'u';
        String s = "a\"b\nc\u0001 é € \uD83D\uDE00 \uD800x \uDC00";
        Buffer out = new Buffer();
        try (SegmentWriter w = new SegmentWriter(out)) {
            w.writeJsonChars(s, escapes, HEX);
        }
        String expected = "a\\\"b\\nc\\u0001 é € \uD83D\uDE00 \\uD800x \\uDC00";
        assertThat(out.readByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLongStringOfWideCharactersCrossesSegments() {
        String s = "€\uD83D\uDE00é".repeat(5_000);
        Buffer out = new Buffer();
        try (SegmentWriter w = new SegmentWriter(out)) {
            w.writeJsonChars(s, NO_ESCAPES, HEX);
        }
        assertThat(out.readUtf8()).isEqualTo(s);
    }

    @Test
    void nothingWrittenLeavesTheBufferAsItWas() {
        Buffer out = new Buffer().writeUtf8("x");
        new SegmentWriter(out).close();
        assertThat(out.readUtf8()).isEqualTo("x");
    }
}
