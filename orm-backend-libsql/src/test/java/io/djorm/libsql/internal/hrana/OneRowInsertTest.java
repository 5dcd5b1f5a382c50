package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which inserts may be joined into one statement, and what the joined statement looks like. */
class OneRowInsertTest {
    private static OneRowInsert parts(String sql, Object... params) {
        return OneRowInsert.of(new Statement(sql, Arrays.asList(params)), "\"id\"");
    }

    @Test
    void aOneRowValuesInsertSplitsIntoHeadAndRow() {
        OneRowInsert insert = parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 1L, "x");
        assertThat(insert.head()).isEqualTo("INSERT INTO \"t\" (\"a\", \"b\")");
        assertThat(insert.row()).isEqualTo("(?, ?)");
    }

    @Test
    void rowsOfAnyWidthSplitTheSameWay() {
        for (int n : new int[] {1, 2, 64, 65, 200}) {
            String row = "(" + "?, ".repeat(n - 1) + "?)";
            OneRowInsert insert = OneRowInsert.of(new Statement("INSERT INTO \"t\" (...) VALUES " + row,
                    Arrays.asList(new Object[n])), "\"id\"");
            assertThat(insert.head()).isEqualTo("INSERT INTO \"t\" (...)");
            assertThat(insert.row()).isEqualTo(row);
        }
        assertThat(parts("VALUES (?)", 1L)).as("nothing before VALUES").isNull();
        assertThat(parts("(?)", 1L)).isNull();
    }

    @Test
    void anythingElseIsNeverJoined() {
        assertThat(parts("INSERT INTO \"t\" DEFAULT VALUES")).isNull();
        assertThat(parts("INSERT INTO \"t\" (\"a\") VALUES (?), (?)", 1L, 2L)).as("already several rows").isNull();
        assertThat(parts("INSERT INTO \"t\" (\"a\") VALUES (?) ON CONFLICT DO NOTHING", 1L)).isNull();
        assertThat(parts("INSERT INTO \"t\" (\"a\") SELECT ?", 1L)).isNull();
        assertThat(parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, 2)", 1L)).as("a literal in the row").isNull();
        assertThat(parts("SELECT ? FROM x WHERE y IN (SELECT 1) AND z = ' VALUES (?)'", 1L)).isNull();
    }

    @Test
    void onlyTheSameHeadAndKeyJoin() {
        OneRowInsert a = parts("INSERT INTO \"t\" (\"a\") VALUES (?)", 1L);
        assertThat(a.joins(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), "\"id\"")).isTrue();
        assertThat(a.joins(statement("INSERT INTO \"u\" (\"a\") VALUES (?)", 2L), "\"id\"")).isFalse();
        assertThat(a.joins(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), "\"pk\"")).as("another key").isFalse();
        assertThat(a.joins(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), null)).as("not a keyed insert").isFalse();
        assertThat(a.joins(statement("INSERT INTO \"t\" (\"a\") VALUES (?, ?)", 2L, 3L), "\"id\"")).as("another row width")
                .isFalse();
        assertThat(a.joins(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L, 3L), "\"id\""))
                .as("the same text with another number of values, which of() refuses").isFalse();
    }

    /** The head's statement joining the rows' values, as a plan joins held inserts. */
    private static Statement joined(OneRowInsert head, Statement... rows) {
        List<Object> values = new ArrayList<>();
        for (Statement row : rows) values.addAll(row.params());
        return head.joined(rows.length, values.toArray());
    }

    private static Statement statement(String sql, Object... params) {
        return new Statement(sql, Arrays.asList(params));
    }

    @Test
    void theJoinedStatementKeepsTheRowsInOrderAndReturnsTheKeys() {
        String sql = "INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)";
        Statement joined = joined(parts(sql, 1L, "x"), statement(sql, 1L, "x"), statement(sql, 2L, null));
        assertThat(joined.sql()).isEqualTo("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?), (?, ?) RETURNING \"id\"");
        assertThat(joined.params()).containsExactly(1L, "x", 2L, null);
    }

    @Test
    void aJoinedTextIsMadeOnceForTheSameInsertsAndNeverSharedWithAnotherShape() {
        String t = "INSERT INTO \"t\" (\"a\") VALUES (?)";
        String u = "INSERT INTO \"u\" (\"a\") VALUES (?)";
        OneRowInsert a = parts(t, 1L);
        Statement one = statement(t, 1L);
        Statement first = joined(a, one, one, one);
        Statement again = joined(parts(t, 4L), statement(t, 4L), one, one);
        assertThat(again.sql()).isSameAs(first.sql());
        assertThat(again.params()).containsExactly(4L, 1L, 1L);
        assertThat(joined(a, one, one).sql()).isEqualTo("INSERT INTO \"t\" (\"a\") VALUES (?), (?) RETURNING \"id\"");
        assertThat(joined(parts(u, 1L), statement(u, 1L), statement(u, 2L)).sql())
                .isEqualTo("INSERT INTO \"u\" (\"a\") VALUES (?), (?) RETURNING \"id\"");
        OneRowInsert otherKey = OneRowInsert.of(statement(u, 1L), "\"pk\"");
        assertThat(joined(otherKey, statement(u, 1L), statement(u, 1L)).sql())
                .isEqualTo("INSERT INTO \"u\" (\"a\") VALUES (?), (?) RETURNING \"pk\"");
    }
}
