package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.DataError;
import io.djorm.core.spi.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch request as written to the wire: statements, every value type, and conditions. */
class BatchBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode written(BatchBuilder batch) throws Exception {
        RequestBytes bytes = new RequestBytes();
        writeInto(bytes, batch);
        return JSON.readTree(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryValueTypeAsHranaValues() throws Exception {
        byte[] blob = {0, 1, 2, (byte) 0xff, 42};
        BatchBuilder batch = new BatchBuilder();
        batch.add(new Statement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(null, Long.MIN_VALUE, 7,
                true, 1.5, 0.1f, "é \"q\"", blob)), null);
        JsonNode request = written(batch);
        assertThat(request.path("type").asText()).isEqualTo("batch");
        JsonNode stmt = request.path("batch").path("steps").path(0).path("stmt");
        assertThat(stmt.path("sql").asText()).isEqualTo("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(stmt.path("want_rows").asBoolean()).isTrue();
        JsonNode args = stmt.path("args");
        assertThat(args.get(0).toString()).isEqualTo("{\"type\":\"null\"}");
        assertThat(args.get(1).toString()).isEqualTo("{\"type\":\"integer\",\"value\":\"-9223372036854775808\"}");
        assertThat(args.get(2).toString()).isEqualTo("{\"type\":\"integer\",\"value\":\"7\"}");
        assertThat(args.get(3).toString()).isEqualTo("{\"type\":\"integer\",\"value\":\"1\"}");
        assertThat(args.get(4).toString()).isEqualTo("{\"type\":\"float\",\"value\":1.5}");
        assertThat(args.get(5).path("value").doubleValue()).isEqualTo((double) 0.1f);
        assertThat(args.get(6).path("value").asText()).isEqualTo("é \"q\"");
        assertThat(args.get(7).path("type").asText()).isEqualTo("blob");
        assertThat(args.get(7).path("base64").asText()).isEqualTo(Base64.getEncoder().encodeToString(blob));
        assertThat(request.path("batch").path("steps").path(0).has("condition")).isFalse();
    }

    @Test
    void writesConditionsAndDropsAutocommitOnesWhenAsked() throws Exception {
        BatchBuilder batch = new BatchBuilder();
        int first = batch.add(Statement.of("BEGIN"), BatchBuilder.isAutocommit());
        int second = batch.add(Statement.of("SELECT 1"), BatchBuilder.ok(first));
        batch.add(Statement.of("ROLLBACK"), BatchBuilder.and(BatchBuilder.ok(first), BatchBuilder.not(BatchBuilder.ok(second)),
                BatchBuilder.error(second)));
        JsonNode steps = written(batch).path("batch").path("steps");
        assertThat(steps.get(0).path("condition").toString()).isEqualTo("{\"type\":\"is_autocommit\"}");
        assertThat(steps.get(1).path("condition").toString()).isEqualTo("{\"type\":\"ok\",\"step\":0}");
        assertThat(steps.get(2).path("condition").toString()).isEqualTo("{\"type\":\"and\",\"conds\":[{\"type\":\"ok\",\"step\":0},"
                + "{\"type\":\"not\",\"cond\":{\"type\":\"ok\",\"step\":1}},{\"type\":\"error\",\"step\":1}]}");
        assertThat(batch.dropAutocommitConditions()).isTrue();
        assertThat(written(batch).path("batch").path("steps").get(0).has("condition")).isFalse();
        assertThat(batch.dropAutocommitConditions()).isFalse();
        assertThat(batch.size()).isEqualTo(3);
    }

    @Test
    void writesByteForByteWhatAJsonGeneratorWroteFieldByField() throws Exception {
        BatchBuilder batch = new BatchBuilder();
        int begin = batch.add(Statement.of("BEGIN"), BatchBuilder.isAutocommit());
        int insert = batch.add(new Statement("INSERT INTO \"t\" VALUES (?, ?, ?)", Arrays.asList(7L, "a\"b\\é", null)),
                BatchBuilder.ok(begin));
        int commit = batch.add(Statement.of("COMMIT"), BatchBuilder.ok(insert));
        batch.add(Statement.of("ROLLBACK"), BatchBuilder.and(BatchBuilder.ok(begin), BatchBuilder.not(BatchBuilder.ok(commit)),
                BatchBuilder.error(insert)));
        RequestBytes bytes = new RequestBytes();
        writeInto(bytes, batch);
        java.io.StringWriter expected = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeStringField("type", "batch");
            g.writeObjectFieldStart("batch");
            g.writeArrayFieldStart("steps");
            step(g, "BEGIN", null, "{\"type\":\"is_autocommit\"}");
            step(g, "INSERT INTO \"t\" VALUES (?, ?, ?)", "[{\"type\":\"integer\",\"value\":\"7\"},"
                    + "{\"type\":\"text\",\"value\":\"a\\\"b\\\\é\"},{\"type\":\"null\"}]", "{\"type\":\"ok\",\"step\":0}");
            step(g, "COMMIT", null, "{\"type\":\"ok\",\"step\":1}");
            step(g, "ROLLBACK", null, "{\"type\":\"and\",\"conds\":[{\"type\":\"ok\",\"step\":0},{\"type\":\"not\","
                    + "\"cond\":{\"type\":\"ok\",\"step\":2}},{\"type\":\"error\",\"step\":1}]}");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    /** One step as the generator wrote it: the SQL as a string, the args and condition as raw JSON. */
    private static void step(JsonGenerator g, String sql, String args, String condition) throws Exception {
        g.writeStartObject();
        g.writeObjectFieldStart("stmt");
        g.writeStringField("sql", sql);
        g.writeFieldName("args");
        g.writeRawValue(args == null ? "[]" : args);
        g.writeBooleanField("want_rows", true);
        g.writeEndObject();
        g.writeFieldName("condition");
        g.writeRawValue(condition);
        g.writeEndObject();
    }

    @Test
    void aValueThatCannotBeSentFailsWhenAddedNotWhenSent() {
        BatchBuilder batch = new BatchBuilder();
        assertThatThrownBy(() -> batch.add(new Statement("SELECT ?", List.of(Double.NaN)), null))
                .isInstanceOf(DataError.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> batch.add(new Statement("SELECT ?", List.of(new Object())), null))
                .isInstanceOf(DataError.class).hasMessageContaining("cannot be bound");
        assertThat(batch.size()).isZero();
    }

    @Test
    void aCheckedStatementIsNotScannedWhenAddedAndAValueOfNoHranaTypeStillFailsBeforeSending() throws Exception {
        // As the core marks a statement whose values it checked as it converted them (CheckedStatements).
        java.lang.reflect.Field installed = io.djorm.core.internal.CheckedStatements.class.getDeclaredField("access");
        installed.setAccessible(true);
        Statement.of("SELECT 1"); // installs the access
        var access = (io.djorm.core.internal.CheckedStatements.Access) installed.get(null);
        Statement checked = access.handingOver("SELECT ?, ?", new Object[] {7L, new java.math.BigDecimal("1.5")});
        BatchBuilder batch = new BatchBuilder();
        batch.add(checked, null);
        assertThatThrownBy(() -> written(batch)).isInstanceOf(DataError.class).hasMessageContaining("cannot be bound");
        BatchBuilder unchecked = new BatchBuilder();
        assertThatThrownBy(() -> unchecked.add(new Statement("SELECT ?, ?", new java.util.ArrayList<>(checked.params())), null))
                .isInstanceOf(DataError.class).hasMessageContaining("cannot be bound");
    }

    @Test
    void writesEveryIntegerAsItsDecimalStringThroughTheByteGenerator() throws Exception {
        List<Object> values = List.of(0L, 1L, -1L, 9L, 10L, -10L, 123_456_789L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, (short) -7, (byte) 127, false);
        BatchBuilder batch = new BatchBuilder();
        batch.add(new Statement("SELECT " + "?, ".repeat(values.size() - 1) + "?", values), null);
        JsonNode args = written(batch).path("batch").path("steps").path(0).path("stmt").path("args");
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String expected = v instanceof Boolean b ? (b ? "1" : "0") : v.toString();
            assertThat(args.get(i).toString()).isEqualTo("{\"type\":\"integer\",\"value\":\"" + expected + "\"}");
        }
    }

    @Test
    void aBatchWrittenIntoReusedBytesIsByteForByteTheOneWrittenIntoNewOnes() throws Exception {
        BatchBuilder small = rowsInsert(1_000, "é");
        BatchBuilder large = rowsInsert(4_000, "\"\uD83D\uDE00");
        RequestBytes reused = new RequestBytes();
        writeInto(reused, large); // leaves its bytes (and chunk ends elsewhere) in the chunks
        reused.clear();
        writeInto(reused, small);
        RequestBytes fresh = new RequestBytes();
        writeInto(fresh, small);
        assertThat(reused.toByteArray()).isEqualTo(fresh.toByteArray());
        assertThat(reused.size()).isEqualTo(fresh.size());
    }

    /** A bulk insert's batch: {@code rows} rows of an integer, a price, a title and a null. */
    private static BatchBuilder rowsInsert(int rows, String titleSuffix) {
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) params.addAll(Arrays.asList((long) i, i * 0.25, "Book " + i + titleSuffix, null));
        BatchBuilder batch = new BatchBuilder();
        batch.add(new Statement("INSERT INTO book VALUES " + "(?, ?, ?, ?), ".repeat(rows - 1) + "(?, ?, ?, ?)", params), null);
        return batch;
    }

    private static void writeInto(RequestBytes bytes, BatchBuilder batch) {
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            batch.writeTo(w);
        }
    }
}
