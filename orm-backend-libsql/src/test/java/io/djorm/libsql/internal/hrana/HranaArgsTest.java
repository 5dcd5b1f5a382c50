package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.DataError;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The args array encoded straight into the request's bytes: what the generator wrote, and every string reads back as itself. */
class HranaArgsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The args array between two fields, as the request's text. */
    private static String written(List<Object> params) throws Exception {
        RequestBytes bytes = new RequestBytes();
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            w.write("{\"sql\":\"S\",\"args\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            HranaArgs.write(w, params);
            w.write(",\"want_rows\":true}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode throughBytes(List<Object> params) throws Exception {
        JsonNode request = JSON.readTree(written(params));
        assertThat(request.path("want_rows").asBoolean()).isTrue();
        return request.path("args");
    }

    /** The same array as the generator writes it token by token (the way it was written before). */
    private static String tokenByToken(List<Object> params) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sql", "S");
            g.writeArrayFieldStart("args");
            for (Object v : params) {
                g.writeStartObject();
                if (v == null) {
                    g.writeStringField("type", "null");
                } else if (v instanceof String s) {
                    g.writeStringField("type", "text");
                    g.writeStringField("value", s);
                } else if (v instanceof byte[] b) {
                    g.writeStringField("type", "blob");
                    g.writeStringField("base64", Base64.getEncoder().encodeToString(b));
                } else if (v instanceof Double || v instanceof Float) {
                    g.writeStringField("type", "float");
                    g.writeNumberField("value", ((Number) v).doubleValue());
                } else {
                    g.writeStringField("type", "integer");
                    g.writeStringField("value", v instanceof Boolean b ? (b ? "1" : "0") : v.toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("want_rows", true);
            g.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void writesExactlyWhatTheGeneratorWroteTokenByToken() throws Exception {
        List<Object> values = Arrays.asList(null, 0L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                9_007_199_254_740_993L, Integer.MIN_VALUE, (short) -7, (byte) 127, true, false, 0.0, -0.0, 1.5, 0.1,
                -3.5e-7, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 0.1f, 1e10f, "", "plain", "2026-12-05",
                "2026-12-05T02:15:30.123456Z", "12345678901234567890.123456789", "q\"uote\\back/slash",
                "\b\t\n\f\r\u0000\u0001\u001f\u007f", "é ß € 中文", "x".repeat(20_000) + "ü", new byte[0],
                new byte[] {0, (byte) 0xff, 7}, new byte[10_000]);
        assertThat(written(values)).isEqualTo(tokenByToken(values));
        assertThat(written(List.of())).isEqualTo(tokenByToken(List.of()));
    }

    @Test
    void everyKindOfCharacterReadsBackAsItself() throws Exception {
        List<Object> texts = Arrays.asList("", "plain", "q\"uote\\back/slash", "\b\t\n\f\r\u0000\u0001\u001f\u007f",
                "é ß", "€ 中文", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "end \uD83D",
                "x".repeat(20_000) + "ü", "\uD83D\uDE00".repeat(3000), "a" + "\uD83D\uDE00".repeat(3000) + "\n".repeat(999));
        for (JsonNode args : List.of(throughBytes(texts))) {
            for (int i = 0; i < texts.size(); i++) {
                assertThat(args.get(i).path("type").asText()).isEqualTo("text");
                assertThat(args.get(i).path("value").asText()).isEqualTo(texts.get(i));
            }
        }
    }

    @Test
    void escapesAsTheGeneratorDidAndWritesAPairAsUtf8() throws Exception {
        String json = written(List.of("\"\\\n\u0001é\uD83D\uDE00\uD800"));
        assertThat(json).isEqualTo("{\"sql\":\"S\",\"args\":[{\"type\":\"text\",\"value\":\"\\\"\\\\\\n\\u0001é\uD83D\uDE00\\uD800\"}],\"want_rows\":true}");
    }

    @Test
    void numbersNullsAndBlobsInALongArray() throws Exception {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add((long) i * 7919 - 10_000_000L);
            values.add(i * 0.25 - 3.5e-7);
            values.add(null);
        }
        values.add(new byte[] {0, (byte) 0xff, 7});
        JsonNode args = throughBytes(values);
        assertThat(args.size()).isEqualTo(values.size());
        for (int i = 0; i < 3000; i++) {
            assertThat(args.get(3 * i).path("value").asText()).isEqualTo(values.get(3 * i).toString());
            assertThat(args.get(3 * i + 1).path("value").doubleValue()).isEqualTo(values.get(3 * i + 1));
            assertThat(args.get(3 * i + 2).toString()).isEqualTo("{\"type\":\"null\"}");
        }
        assertThat(args.get(9000).toString()).isEqualTo("{\"type\":\"blob\",\"base64\":\"AP8H\"}");
    }

    @Test
    void refusesWhatCheckRefuses() {
        assertThatThrownBy(() -> throughBytes(List.of(Double.POSITIVE_INFINITY))).isInstanceOf(DataError.class);
        assertThatThrownBy(() -> throughBytes(List.of(new Object()))).isInstanceOf(DataError.class)
                .hasMessageContaining("cannot be bound");
    }
}
