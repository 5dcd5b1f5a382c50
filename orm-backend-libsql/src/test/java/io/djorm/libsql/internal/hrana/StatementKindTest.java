package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A statement's kind from its leading keyword, compared in place, is what copying the keyword and
 * upper-casing it gave: in any case, only the whole word, after leading comments.
 */
class StatementKindTest {
    @Test
    void judgesTheLeadingKeywordInAnyCase() {
        assertThat(StatementKind.of("SELECT 1")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("select * from t")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("VALUES (1)")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("ExPlAiN SELECT 1")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("INSERT INTO t VALUES (?)")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("update t set a = 1")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("Delete FROM t")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("REPLACE INTO t VALUES (1)")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("WITH x AS (SELECT 1) DELETE FROM t")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("with x as (select 'DELETE') select * from x")).isEqualTo(StatementKind.READ);
        assertThat(StatementKind.of("  -- a comment\n/* another */ UPDATE t SET a = 1")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("BEGIN")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("CREATE TABLE t (a)")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("")).isEqualTo(StatementKind.OTHER);
    }

    @Test
    void onlyTheWholeWordCounts() {
        assertThat(StatementKind.of("SELECTED")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("SELEC 1")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("INSERTS")).isEqualTo(StatementKind.OTHER);
        assertThat(StatementKind.of("UPDATE(1)")).isEqualTo(StatementKind.WRITE);
        assertThat(StatementKind.of("SELECT\u00e9 1")).as("a longer word of letters").isEqualTo(StatementKind.OTHER);
    }

    @Test
    void foldsAsUpperCasingTheKeywordDid() {
        String[] words = {"select", "SELECT", "\u0131nsert", "in\u017fert", "\u017felect", "delete", "D\u0130LETE",
            "w\u0131th x as (select 1) update t set a = 1", "explaın", "valueſ", "\u00dfELECT", "SELECT\u00df"};
        for (String sql : words) {
            assertThat(StatementKind.of(sql)).as(sql).isEqualTo(byUpperCasedKeyword(sql));
        }
    }

    /** The kind as it was judged before: the keyword copied and upper-cased, then compared. */
    private static StatementKind byUpperCasedKeyword(String sql) {
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) end++;
        return switch (sql.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "VALUES", "EXPLAIN" -> StatementKind.READ;
            case "INSERT", "UPDATE", "DELETE", "REPLACE" -> StatementKind.WRITE;
            case "WITH" -> sql.toUpperCase(Locale.ROOT).contains("UPDATE") ? StatementKind.WRITE : StatementKind.READ;
            default -> StatementKind.OTHER;
        };
    }
}
