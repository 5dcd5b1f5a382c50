package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A write's RETURNING clause is found as the two regular expressions found it before the one-pass scan: the word, in any case, outside
 * string literals, and not as part of a longer word.
 */
class PlanReturningTest {
    private static final Pattern LITERALS = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern RETURNING = Pattern.compile("\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void findsTheClauseExactlyWhereThePatternsDo() {
        String[] statements = {
            "DELETE FROM \"rb_book\" WHERE \"id\" IN (?, ?, ?)",
            "UPDATE \"rb_book\" SET \"price\" = (\"rb_book\".\"price\" + ?) WHERE \"rb_book\".\"pages\" < ?",
            "INSERT INTO t (a) VALUES (?) RETURNING id",
            "insert into t (a) values (?) returning \"id\"",
            "INSERT INTO t (a) VALUES (?) ReTuRnInG id",
            "INSERT INTO t (a) VALUES ('RETURNING')",
            "INSERT INTO t (a) VALUES ('it''s RETURNING') ",
            "INSERT INTO t (a) VALUES ('x') RETURNING a",
            "INSERT INTO t (returning_count) VALUES (?)",
            "INSERT INTO t (a) VALUES (?) RETURNINGS",
            "UPDATE t SET a = 'RETURNING' || ? RETURNING a",
            "INSERT INTO t (a) VALUES ('unterminated RETURNING",
            "INSERT INTO t (a) VALUES ('a''') RETURNING a",
            "",
            "INSERT INTO t (a) VALUES (x'RETURNING')",
            "INSERT INTO t (a) VALUES (?) RETURNING'a'",
            "INSERT INTO t (a) VALUES (?) (RETURNING)",
            "INSERT INTO t (a) VALUES (?) _RETURNING",
            "INSERT INTO t (a) VALUES (?) RETURNING_",
            "INSERT INTO t (a) VALUES (?) \u00c0RETURNING",
            "INSERT INTO t (a) VALUES (?) RETURNING\u00e9",
            "INSERT INTO t (a) VALUES (?) RETURN1NG",
            "INSERT INTO t (a) VALUES ('''') RETURNING a",
            "INSERT INTO t (a) VALUES (''), ('RETURNING'), ('')",
            "INSERT INTO t (a) VALUES (?)" + ", (?)".repeat(2000) + " RETURNING \"id\"",
            "INSERT INTO t (a) VALUES ('x ')" + ", (?)".repeat(2000) + " RETURNING \"id\"",
            "INSERT INTO t (a) VALUES (?)" + ", (?)".repeat(2000) + " ('RETURNING ')",
            "INSERT INTO t (a) VALUES (' RETURNING ')",
            "INSERT INTO t (a) VALUES (?) RETURNING " + "x".repeat(300),
        };
        for (String sql : statements) {
            boolean expected = RETURNING.matcher(LITERALS.matcher(sql).replaceAll("''")).find();
            assertThat(Plan.returnsRows(sql)).as(sql).isEqualTo(expected);
        }
        assertThat(Plan.returnsRows("INSERT INTO t (a) VALUES (?) RETURNING id")).isTrue();
        assertThat(Plan.returnsRows("INSERT INTO t (a) VALUES ('RETURNING')")).isFalse();
    }
}
