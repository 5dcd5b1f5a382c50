package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader of pipeline replies: every value type, any field order, and every malformed shape. */
class ReplyReaderTest {
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private static PipelineReply read(String body, int steps) throws Exception {
        try (JsonParser p = JSON.createParser(body.getBytes(StandardCharsets.UTF_8))) {
            return ReplyReader.read(p, steps, false);
        }
    }

    private static String reply(String... stepResults) {
        String errors = String.join(",", java.util.Collections.nCopies(stepResults.length, "null"));
        return "{\"baton\":\"b\",\"base_url\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":"
                + "{\"step_results\":[" + String.join(",", stepResults) + "],\"step_errors\":[" + errors + "]}}},"
                + "{\"type\":\"ok\",\"response\":{\"type\":\"close\"}}]}";
    }

    private static String oneRow(String... values) {
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < values.length; i++) cols.append(i > 0 ? "," : "").append("{\"name\":\"c").append(i).append("\",\"decltype\":null}");
        return "{\"cols\":[" + cols + "],\"rows\":[[" + String.join(",", values) + "]],\"affected_row_count\":0,"
                + "\"last_insert_rowid\":null,\"rows_read\":1,\"query_duration_ms\":0.01}";
    }

    private static Object[] onlyRow(String... values) throws Exception {
        PipelineReply reply = read(reply(oneRow(values)), 1);
        List<Object[]> rows = reply.step(0).result().rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void readsEveryValueTypeIntoCanonicalJavaValues() throws Exception {
        Object[] row = onlyRow("{\"type\":\"null\"}", "{\"type\":\"integer\",\"value\":\"-9223372036854775808\"}",
                "{\"type\":\"integer\",\"value\":42}", "{\"type\":\"float\",\"value\":1.5}", "{\"type\":\"text\",\"value\":\"héllo \\\"q\\\"\"}",
                "{\"type\":\"blob\",\"base64\":\"AQID\"}", "{\"type\":\"blob\",\"base64\":\"AQ\"}", "{\"type\":\"blob\",\"base64\":\"AQ==\"}");
        assertThat(row[0]).isNull();
        assertThat(row[1]).isEqualTo(Long.MIN_VALUE);
        assertThat(row[2]).isEqualTo(42L);
        assertThat(row[3]).isEqualTo(1.5);
        assertThat(row[4]).isEqualTo("héllo \"q\"");
        assertThat((byte[]) row[5]).containsExactly(1, 2, 3);
        assertThat((byte[]) row[6]).containsExactly(1);
        assertThat((byte[]) row[7]).containsExactly(1);
    }

    @Test
    void infinitiesAsTokensOverflowingLiteralsOrNullFloats() throws Exception {
        Object[] row = onlyRow("{\"type\":\"float\",\"value\":Infinity}", "{\"type\":\"float\",\"value\":-Infinity}",
                "{\"type\":\"float\",\"value\":1e999}", "{\"type\":\"float\",\"value\":null}");
        assertThat(row).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    @Test
    void namesReadWhereTheyStandOrNotAreTheSame() throws Exception {
        // "type" then "value" is matched in the bytes; anything else (spaces, a field between, escapes) is looked up.
        Object[] row = onlyRow("{\"type\":\"integer\",\"value\":\"8\"}", "{ \"type\" : \"text\" , \"value\" : \"y\" }",
                "{\"type\":\"integer\",\"extra\":{\"value\":\"1\"},\"value\":\"9\"}", "{\"typ\\u0065\":\"text\",\"valu\\u0065\":\"z\"}",
                "{\"type\":\"integer\",\"value\":\"3\",\"value\":\"4\"}", "{\"typed\":1,\"type\":\"null\"}");
        assertThat(row).containsExactly(8L, "y", 9L, "z", 4L, null);
    }

    @Test
    void fieldsMayComeInAnyOrderAndUnknownOnesAreSkipped() throws Exception {
        Object[] row = onlyRow("{\"value\":\"7\",\"type\":\"integer\"}", "{\"value\":2.5,\"extra\":[1,{\"a\":2}],\"type\":\"float\"}",
                "{\"value\":\"x\",\"type\":\"text\"}", "{\"base64\":\"AQID\",\"type\":\"blob\"}", "{\"value\":null,\"type\":\"float\"}");
        assertThat(row[0]).isEqualTo(7L);
        assertThat(row[1]).isEqualTo(2.5);
        assertThat(row[2]).isEqualTo("x");
        assertThat((byte[]) row[3]).containsExactly(1, 2, 3);
        assertThat(row[4]).isEqualTo(Double.POSITIVE_INFINITY);
        String reordered = "{\"results\":[{\"response\":{\"result\":{\"step_errors\":[null],\"step_results\":[{\"rows\":[[{\"type\":"
                + "\"integer\",\"value\":\"1\"}]],\"affected_row_count\":3,\"cols\":[{\"name\":\"n\"}]}]},\"type\":\"batch\"},"
                + "\"type\":\"ok\"}],\"base_url\":\"http://x\",\"baton\":null,\"future\":{\"a\":[1]}}";
        PipelineReply reply = read(reordered, 1);
        assertThat(reply.baton()).isNull();
        assertThat(reply.baseUrl()).isEqualTo("http://x");
        assertThat(reply.step(0).result().columns()).containsExactly("n");
        assertThat(reply.step(0).result().rows().get(0)).containsExactly(1L);
        assertThat(reply.step(0).reportedChanges()).isEqualTo(3);
    }

    @Test
    void stepsThatFailedOrWereSkippedAndAFailedRequest() throws Exception {
        String body = "{\"baton\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":{\"step_results\":"
                + "[null,null," + oneRow("{\"type\":\"integer\",\"value\":\"5\"}") + "],\"step_errors\":[{\"message\":\"boom\","
                + "\"code\":\"SQLITE_ERROR\"},null,null]}}}]}";
        PipelineReply reply = read(body, 3);
        assertThat(reply.step(0).failed()).isTrue();
        assertThat(reply.step(0).errorMessage()).isEqualTo("boom");
        assertThat(reply.step(0).errorCode()).isEqualTo("SQLITE_ERROR");
        assertThat(reply.step(1).skipped()).isTrue();
        assertThat(reply.step(2).singleLong()).isEqualTo(5L);
        PipelineReply failed = read("{\"baton\":null,\"results\":[{\"error\":{\"message\":\"stream expired\"},\"type\":\"error\"}]}", 3);
        assertThat(failed.steps()).isNull();
        assertThat(failed.step(1).errorMessage()).isEqualTo("stream expired");
    }

    @Test
    void manyRowsOfEqualWidth() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            rows.append(i > 0 ? "," : "").append("[{\"type\":\"integer\",\"value\":\"").append(i)
                    .append("\"},{\"type\":\"text\",\"value\":\"t").append(i).append("\"}]");
        }
        PipelineReply reply = read(reply("{\"cols\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"rows\":[" + rows + "]}"), 1);
        List<Object[]> read = reply.step(0).result().rows();
        assertThat(read).hasSize(100);
        for (int i = 0; i < 100; i++) assertThat(read.get(i)).containsExactly((long) i, "t" + i);
        assertThat(read(reply("{\"cols\":[],\"rows\":[[],[]]}"), 1).step(0).result().rows()).allMatch(r -> r.length == 0);
    }

    @Test
    void malformedRepliesNameTheirProblem() {
        String[][] cases = {
            {"[1]", "not a JSON object"},
            {"{\"baton\":7,\"results\":[]}", "\"baton\" or \"base_url\""},
            {"{\"baton\":null,\"results\":[]}", "no \"results\" list"},
            {"{\"baton\":null}", "no \"results\" list"},
            {"{\"results\":[{\"type\":\"maybe\"}]}", "neither \"ok\" nor \"error\""},
            {"{\"results\":[{\"type\":\"error\",\"error\":{\"code\":\"X\"}}]}", "results[0].error has no message"},
            {"{\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\"}}]}", "result is not an object"},
            {"{\"results\":[{\"type\":\"ok\",\"response\":{\"result\":{\"step_results\":\"x\",\"step_errors\":[null]}}}]}", "not a list"},
            {reply("{\"cols\":[],\"rows\":[]}", "null"), "1 steps but the reply has 2"},
            {reply(oneRow("{}")), "a value has no type"},
            {reply("{\"cols\":\"oops\",\"rows\":7}"), "\"cols\" or \"rows\" is not a list"},
            {reply("{\"cols\":[{\"name\":\"x\"}],\"rows\":[[]]}"), "one value per column"},
            {reply("{\"cols\":[{\"name\":\"x\"}],\"rows\":[7]}"), "one value per column"},
            {reply("{\"cols\":[7],\"rows\":[]}"), "a column is not an object"},
            {reply("{\"cols\":[],\"rows\":[],\"affected_row_count\":\"3\"}"), "affected_row_count"},
            {reply("7"), "the result is not an object"},
            {reply(oneRow("{\"type\":\"integer\",\"value\":\"12ab\"}")), "not a 64-bit integer: \"12ab\""},
            {reply(oneRow("{\"type\":\"integer\",\"value\":\"9223372036854775808\"}")), "not a 64-bit integer"},
            {reply(oneRow("{\"type\":\"integer\",\"value\":9223372036854775808}")), "not a 64-bit integer"},
            {reply(oneRow("{\"type\":\"integer\",\"value\":1.5}")), "not a 64-bit integer"},
            {reply(oneRow("{\"value\":\"x1\",\"type\":\"integer\"}")), "not a 64-bit integer"},
            {reply(oneRow("{\"type\":\"integer\"}")), "not a 64-bit integer: missing"},
            {reply(oneRow("{\"type\":\"float\",\"value\":\"1.5\"}")), "a float value is not a number"},
            {reply(oneRow("{\"type\":\"text\",\"value\":5}")), "a text value is not a string"},
            {reply(oneRow("{\"value\":[1],\"type\":\"text\"}")), "a text value is not a string"},
            {reply(oneRow("{\"type\":\"blob\",\"base64\":\"A\"}")), "a blob value is not base64"},
            {reply(oneRow("{\"type\":\"blob\",\"base64\":\"AQ*D\"}")), "a blob value is not base64"},
            {reply(oneRow("{\"type\":\"blob\"}")), "a blob value is not base64: missing"},
            {reply(oneRow("{\"type\":\"date\",\"value\":\"x\"}")), "the unknown type \"date\""},
            {reply(oneRow("{\"value\":\"x\",\"type\":7}")), "the unknown type 7"},
            {reply(oneRow("7")), "a value is not an object: 7"},
            {"{\"results\":[{\"type\":\"ok\",\"response\":{\"result\":{\"step_results\":[null],\"step_errors\":[\"bad\"]}}}]}",
                "step 0: step_errors[0] has no message"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(c[0], 1)).as(c[0]).isInstanceOf(ReplyReader.BadReply.class)
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAParseFailure() {
        assertThatThrownBy(() -> read("<html>Bad Gateway</html>", 1)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(reply(oneRow("{\"type\":\"integer\",\"value\":\"1\"")), 1)).isInstanceOf(IOException.class);
    }

    @Test
    void parseLongAgreesWithTheJdk() {
        for (String s : List.of("0", "-0", "+7", "123", "-9223372036854775808", "9223372036854775807")) {
            assertThat(ReplyReader.parseLong(s.toCharArray(), 0, s.length())).as(s).isEqualTo(Long.parseLong(s));
        }
        for (String s : List.of("", "-", "+", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1a",
                " 1", "1.0", "--1")) {
            assertThat(ReplyReader.parseLong(s.toCharArray(), 0, s.length())).as(s).isNull();
        }
        char[] slice = "xx-42yy".toCharArray();
        assertThat(ReplyReader.parseLong(slice, 2, 3)).isEqualTo(-42L);
    }
}
