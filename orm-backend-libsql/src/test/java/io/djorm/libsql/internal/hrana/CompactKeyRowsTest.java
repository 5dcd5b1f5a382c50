package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path for compact key rows: a reply read whole (with its key lists read apart) must come out exactly
 * as the streaming parser reads it, for the compact form, for every other form, and for every way a reply can
 * be cut short or garbled.
 */
class CompactKeyRowsTest {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private static String reply(String... stepResults) {
        String errors = String.join(",", java.util.Collections.nCopies(stepResults.length, "null"));
        return "{\"baton\":null,\"base_url\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":"
                + "{\"step_results\":[" + String.join(",", stepResults) + "],\"step_errors\":[" + errors + "]}}},"
                + "{\"type\":\"ok\",\"response\":{\"type\":\"close\"}}]," + PADDING + "}";
    }

    /** An unknown field at the end that makes each reply long enough to be read whole. */
    private static final String PADDING = "\"padding\":\"" + "p".repeat(ReplyReader.WHOLE_BODY_MIN) + "\"";

    private static String step(String rows) {
        return "{\"cols\":[{\"name\":\"id\",\"decltype\":\"INTEGER\"}],\"rows\":" + rows
                + ",\"affected_row_count\":2,\"last_insert_rowid\":\"3\"}";
    }

    private static String key(String digits) {
        return "[{\"type\":\"integer\",\"value\":\"" + digits + "\"}]";
    }

    private static final String EMPTY_STEP = "{\"cols\":[],\"rows\":[],\"affected_row_count\":0,\"last_insert_rowid\":null}";

    /** The reply to a write with RETURNING read as the client reads it: whole, with a declared length. */
    private static String readWhole(byte[] body, long declared, int steps) {
        return outcome(() -> ReplyReader.read(JSON, new ByteArrayInputStream(body), declared, steps, false, true));
    }

    /** The reply read by the streaming parser alone. */
    private static String readStreaming(byte[] body, int steps) {
        return outcome(() -> {
            try (JsonParser p = JSON.createParser(new ByteArrayInputStream(body))) {
                return ReplyReader.read(p, steps, false);
            }
        });
    }

    private interface Read {
        PipelineReply get() throws Exception;
    }

    /** The reply rendered in full, or the kind of failure (the parser's messages name positions, which the cut moves). */
    private static String outcome(Read read) {
        try {
            PipelineReply r = read.get();
            StringBuilder s = new StringBuilder(r.baton() + " " + r.baseUrl() + " " + r.requestError());
            if (r.steps() != null) {
                for (StepOutcome o : r.steps()) {
                    s.append("\n").append(o.errorMessage()).append(' ').append(o.errorCode());
                    if (o.result() != null) {
                        s.append(' ').append(o.result().columns()).append(' ').append(o.result().affectedRowCount());
                        for (Object[] row : o.result().rows()) s.append(' ').append(Arrays.deepToString(row));
                    }
                }
            }
            return s.toString();
        } catch (ReplyReader.BadReply e) {
            return "BadReply: " + e.getMessage();
        } catch (Exception e) {
            return "failed: " + e.getClass().getName();
        }
    }

    private static void assertSameAsStreaming(String body, int steps) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(readWhole(bytes, bytes.length, steps)).as(body).isEqualTo(readStreaming(bytes, steps));
    }

    private static boolean cutsSomething(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return CompactKeyRows.cut(bytes, bytes.length) != null;
    }

    @Test
    void compactKeyListsAreReadApartAndComeOutAsTheParserReadsThem() {
        String body = reply(EMPTY_STEP, step("[" + key("1") + "," + key("-5") + "," + key("0") + "]"),
                step("[" + key("9223372036854775807") + "," + key("-9223372036854775808") + "]"), EMPTY_STEP);
        assertThat(cutsSomething(body)).isTrue();
        assertSameAsStreaming(body, 4);
        assertThat(readWhole(body.getBytes(StandardCharsets.UTF_8), body.length(), 4))
                .contains("[id] 2 [1] [-5] [0]", "[id] 2 [9223372036854775807] [-9223372036854775808]");
    }

    @Test
    void compactKeyRowsUnderAnyColumnCountButOneAreRefusedAsByTheParser() {
        String keys = "[" + key("1") + "," + key("2") + "]";
        for (String cols : List.of("[]", "[{\"name\":\"id\"},{\"name\":\"n\"}]")) {
            String body = reply(EMPTY_STEP, "{\"cols\":" + cols + ",\"rows\":" + keys
                    + ",\"affected_row_count\":2,\"last_insert_rowid\":\"3\"}", EMPTY_STEP);
            assertThat(cutsSomething(body)).isTrue();
            assertSameAsStreaming(body, 3);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(readWhole(bytes, bytes.length, 3)).as(cols).contains("one value per column");
        }
    }

    @Test
    void keysReadApartAreTheRowsValuesWithoutMakingTheRows() {
        KeyRows rows = new KeyRows(new long[] {7, -1, Long.MIN_VALUE, 99}, 3);
        assertThat(rows).hasSize(3);
        assertThat(rows.key(2)).isEqualTo(Long.MIN_VALUE);
        assertThat(rows.get(0)).containsExactly(7L);
        assertThat(rows.get(0)).isSameAs(rows.get(0)); // one array per row, however often it is asked for
        assertThat(rows.get(1)).containsExactly(-1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.key(3)).isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aThousandKeysAsTheServerWritesThem() {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) rows.append(i > 0 ? "," : "").append(key(Integer.toString(2001 + i)));
        String body = reply(EMPTY_STEP, step(rows.append(']').toString()), EMPTY_STEP);
        assertThat(cutsSomething(body)).isTrue();
        assertSameAsStreaming(body, 3);
    }

    @Test
    void everyOtherFormIsLeftToTheParser() {
        String[] lists = {
            "[" + key("+7") + "]", // a sign the fast path does not take
            "[" + key("007") + "]",
            "[" + key("00000000000000000000042") + "]",
            "[" + key("9223372036854775808") + "]", // one past the largest long
            "[" + key("-9223372036854775809") + "]",
            "[" + key("99999999999999999999") + "]",
            "[" + key("") + "]",
            "[" + key("-") + "]",
            "[" + key("1x") + "]",
            "[" + key("1.5") + "]",
            "[[{\"type\":\"integer\",\"value\":42}]]", // a JSON number
            "[[{\"value\":\"1\",\"type\":\"integer\"}]]", // fields the other way round
            "[[{\"type\":\"integer\",\"value\":\"1\",\"extra\":true}]]",
            "[[{\"type\": \"integer\",\"value\":\"1\"}]]", // a space
            "[ " + key("1") + "]",
            "[" + key("1") + " ]",
            "[" + key("1") + ", " + key("2") + "]",
            "[" + key("1") + "," + key("2") + "," + "[{\"type\":\"text\",\"value\":\"3\"}]]", // a text key at the end
            "[[{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"integer\",\"value\":\"2\"}]]", // two columns
            "[" + key("1") + "," + "]", // a trailing comma
            "[" + key("1") + key("2") + "]", // no comma
            "[" + key("1"), // no end
            "[[]]",
            "[null]",
        };
        for (String rows : lists) assertSameAsStreaming(reply(EMPTY_STEP, step(rows)), 2);
        // After a list of another form nothing is cut, even a compact list
        String body = reply(step("[[{\"type\":\"text\",\"value\":\"a\"}]]"), step("[" + key("1") + "]"));
        assertThat(cutsSomething(body)).isFalse();
        assertSameAsStreaming(body, 2);
    }

    @Test
    void aRowsFieldInsideAStringOrAnotherObjectIsNotTakenForAStepsRows() {
        String quoted = "\\\"rows\\\":[" + key("1").replace("\"", "\\\"") + "]";
        String inText = step("[[{\"type\":\"text\",\"value\":\"" + quoted + "\"}]]");
        assertThat(cutsSomething(reply(inText))).isFalse();
        assertSameAsStreaming(reply(inText), 1);
        // A string ending in an escaped backslash, then a compact list: cut, and read the same
        String backslash = reply("{\"cols\":[{\"name\":\"a\\\\\",\"decltype\":null}],\"rows\":[" + key("4")
                + "],\"affected_row_count\":0}");
        assertThat(cutsSomething(backslash)).isTrue();
        assertSameAsStreaming(backslash, 1);
        // An unknown field holding a "rows" list: cut, never claimed, skipped as the parser skips it
        String unknown = reply("{\"extra\":{\"rows\":[" + key("9") + "]},\"cols\":[{\"name\":\"id\"}],\"rows\":[" + key("5")
                + "],\"affected_row_count\":1}");
        assertThat(cutsSomething(unknown)).isTrue();
        assertSameAsStreaming(unknown, 1);
        // "rows" where a value stands, in an array, as a value: not a field, so a JSON error either way
        assertSameAsStreaming(reply("{\"cols\":[],\"rows\":[\"rows\":[" + key("1") + "]]}"), 1);
        // A compact list where the step has no column, or two: refused as before
        assertSameAsStreaming(reply("{\"cols\":[],\"rows\":[" + key("1") + "]}"), 1);
        assertSameAsStreaming(reply("{\"cols\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"rows\":[" + key("1") + "]}"), 1);
        // "rows" given twice: the last one counts, as with the parser
        assertSameAsStreaming(reply("{\"cols\":[{\"name\":\"id\"}],\"rows\":[" + key("1") + "],\"rows\":[" + key("2")
                + "],\"affected_row_count\":1}"), 1);
    }

    @Test
    void everyTruncationFailsAsTheStreamingReaderFails() {
        String body = reply(EMPTY_STEP, step("[" + key("11") + "," + key("-22") + "," + key("33") + "]"), EMPTY_STEP);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> differing = new ArrayList<>();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            String streamed = readStreaming(cut, 3);
            if (!readWhole(cut, n, 3).equals(streamed)) differing.add("length " + n);
            // A body shorter than its declared length (the connection closed early) reads the same
            if (!readWhole(cut, bytes.length, 3).equals(streamed)) differing.add("declared, length " + n);
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void everyGarbledByteReadsAsTheStreamingReaderReadsIt() {
        String body = reply(EMPTY_STEP, step("[" + key("11") + "," + key("-22") + "]"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] replacements = {'"', '\\', ']', '[', ',', '}', '-', '0', '9', ' ', 'x', (byte) 0xC3};
        List<String> differing = new ArrayList<>();
        for (int at = 0; at < bytes.length - PADDING.length(); at++) {
            for (byte r : replacements) {
                byte[] garbled = bytes.clone();
                garbled[at] = r;
                if (!readWhole(garbled, garbled.length, 2).equals(readStreaming(garbled, 2))) {
                    differing.add(new String(garbled, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    /**
     * A body that holds {@code body} but declares {@code missing} more bytes, which never come: read whole, it fails
     * waiting for them; streamed, it is read as far as its JSON goes, as it arrives.
     */
    private static String readDeclaringMore(byte[] body, int missing, boolean returningWrite) {
        InputStream cutShort = new SequenceInputStream(new ByteArrayInputStream(body), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the rest of the body never came");
            }
        });
        return outcome(() -> ReplyReader.read(JSON, cutShort, body.length + (long) missing, 3, false, returningWrite));
    }

    @Test
    void onlyTheReplyToAWriteWithReturningIsReadWhole() {
        String body = reply(EMPTY_STEP, step("[" + key("11") + "," + key("-22") + "]"), EMPTY_STEP);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isBetween(ReplyReader.WHOLE_BODY_MIN, ReplyReader.WHOLE_BODY_LIMIT - 100);
        assertThat(readDeclaringMore(bytes, 100, false)).isEqualTo(readStreaming(bytes, 3)).contains("[11] [-22]");
        assertThat(readDeclaringMore(bytes, 100, true)).isEqualTo("failed: java.io.IOException");
    }

    @Test
    void aShortLongOrUnknownLengthBodyStreamsThroughTheParser() {
        String body = reply(step("[" + key("1") + "]"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(readWhole(bytes, -1, 1)).isEqualTo(readStreaming(bytes, 1));
        assertThat(readWhole(bytes, ReplyReader.WHOLE_BODY_LIMIT + 1L, 1)).isEqualTo(readStreaming(bytes, 1));
        String shortBody = "{\"baton\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":"
                + "{\"step_results\":[" + step("[" + key("1") + "]") + "],\"step_errors\":[null]}}}]}";
        byte[] shortBytes = shortBody.getBytes(StandardCharsets.UTF_8);
        assertThat(shortBytes.length).isLessThan(ReplyReader.WHOLE_BODY_MIN);
        assertThat(readWhole(shortBytes, shortBytes.length, 1)).isEqualTo(readStreaming(shortBytes, 1)).contains("[1]");
    }
}
