package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long SQL text is written as the generator wrote it, from kept bytes when it is the same String again. */
class SqlTextsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String written(String sql) {
        RequestBytes out = new RequestBytes();
        try (SegmentWriter w = new SegmentWriter(out)) {
            SqlTexts.write(w, sql);
        }
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String byGenerator(String sql) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeString(sql);
        }
        return out.toString();
    }

    private static String insert(String table, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO \"" + table + "\" (\"title\", \"note\") VALUES ");
        for (int r = 0; r < rows; r++) sql.append(r > 0 ? ", " : "").append("(?, 'tab\t\\ \"é\"')");
        return sql.toString();
    }

    @Test
    void writesWhatTheGeneratorWroteForShortAndLongTexts() throws Exception {
        for (String sql : List.of("SELECT 1", insert("t", 1), insert("t", 100), insert("t", 5_000))) {
            assertThat(written(sql)).isEqualTo(byGenerator(sql));
            assertThat(written(sql)).isEqualTo(byGenerator(sql)); // again: kept when long enough
            assertThat(written(sql)).isEqualTo(byGenerator(sql)); // from the kept bytes
        }
    }

    @Test
    void aSurrogatePairTravelsAsItself() throws Exception {
        String sql = "SELECT '\uD83D\uDE00' AS smile, '" + "x".repeat(SqlTexts.MIN_CHARS) + "'";
        for (int i = 0; i < 3; i++) assertThat(JSON.readTree(written(sql)).asText()).isEqualTo(sql);
    }

    @Test
    void aTextIsKeptTheSecondTimeItIsSentNotTheFirst() throws Exception {
        String sql = insert("once", 80); // made afresh for one request, as an atomic block's joined INSERT is
        assertThat(written(sql)).isEqualTo(byGenerator(sql));
        assertThat(SqlTexts.kept(sql)).isFalse();
        assertThat(written(sql)).isEqualTo(byGenerator(sql));
        assertThat(SqlTexts.kept(sql)).isTrue();
        assertThat(SqlTexts.kept(new String(sql.toCharArray()))).isFalse(); // found by identity, not by equality
    }

    @Test
    void textsSharingASlotAreNeverMistakenForEachOther() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) texts.add(insert("t" + i, 60)); // more texts than slots: collisions
        for (int round = 0; round < 3; round++) {
            for (String sql : texts) assertThat(JSON.readTree(written(sql)).asText()).isEqualTo(sql);
        }
    }

    @Test
    void anEqualTextInAnotherStringReadsTheSame() throws Exception {
        String sql = insert("same", 80);
        String copy = new String(sql.toCharArray());
        assertThat(written(sql)).isEqualTo(written(copy)).isEqualTo(byGenerator(sql));
    }
}
