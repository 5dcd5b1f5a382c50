package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.DataError;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The args array encoded straight to bytes: every string reads back as itself, through either kind of generator. */
class HranaArgsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode throughBytes(List<Object> params) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("args");
            new HranaArgs(g).write(params);
            g.writeEndObject();
        }
        return JSON.readTree(out.toByteArray()).path("args");
    }

    private static JsonNode throughChars(List<Object> params) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            new HranaArgs(g).write(params);
            g.writeEndArray();
        }
        return JSON.readTree(out.toString()).path(0);
    }

    @Test
    void everyKindOfCharacterReadsBackAsItself() throws Exception {
        List<Object> texts = Arrays.asList("", "plain", "q\"uote\\back/slash", "\b\t\n\f\r\u0000\u0001\u001f\u007f",
                "é ß", "€ 中文", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "end \uD83D",
                "x".repeat(20_000) + "ü", "\uD83D\uDE00".repeat(3000), "a" + "\uD83D\uDE00".repeat(3000) + "\n".repeat(999));
        for (JsonNode args : List.of(throughBytes(texts), throughChars(texts))) {
            for (int i = 0; i < texts.size(); i++) {
                assertThat(args.get(i).path("type").asText()).isEqualTo("text");
                assertThat(args.get(i).path("value").asText()).isEqualTo(texts.get(i));
            }
        }
    }

    @Test
    void escapesAsTheGeneratorDidAndWritesAPairAsUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            new HranaArgs(g).write(List.of("\"\\\n\u0001é\uD83D\uDE00\uD800"));
        }
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"type\":\"text\",\"value\":\"\\\"\\\\\\n\\u0001é\uD83D\uDE00\\uD800\"}]");
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
