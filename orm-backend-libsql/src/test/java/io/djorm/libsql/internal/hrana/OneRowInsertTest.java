package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.spi.Statement;
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
        assertThat(a.sibling(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), "\"id\""))
                .isEqualTo(parts("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L));
        assertThat(a.sibling(statement("INSERT INTO \"u\" (\"a\") VALUES (?)", 2L), "\"id\"")).isNull();
        assertThat(a.sibling(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), "\"pk\"")).as("another key").isNull();
        assertThat(a.sibling(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L), null)).as("not a keyed insert").isNull();
        assertThat(a.sibling(statement("INSERT INTO \"t\" (\"a\") VALUES (?, ?)", 2L, 3L), "\"id\"")).as("another row width")
                .isNull();
        assertThat(a.sibling(statement("INSERT INTO \"t\" (\"a\") VALUES (?)", 2L, 3L), "\"id\""))
                .as("the same text with another number of values, which of() refuses").isNull();
    }

    @Test
    void aSiblingIsWhatTakingTheInsertApartGives() {
        OneRowInsert a = parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 1L, "x");
        OneRowInsert b = a.sibling(statement("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 2L, null), "\"id\"");
        assertThat(b).isEqualTo(parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 2L, null));
        assertThat(b.head()).isEqualTo("INSERT INTO \"t\" (\"a\", \"b\")");
    }

    private static Statement statement(String sql, Object... params) {
        return new Statement(sql, Arrays.asList(params));
    }

    @Test
    void theJoinedStatementKeepsTheRowsInOrderAndReturnsTheKeys() {
        Statement joined = OneRowInsert.joined(List.of(parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 1L, "x"),
                parts("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)", 2L, null)));
        assertThat(joined.sql()).isEqualTo("INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?), (?, ?) RETURNING \"id\"");
        assertThat(joined.params()).containsExactly(1L, "x", 2L, null);
    }

    @Test
    void aJoinedTextIsMadeOnceForTheSameInsertsAndNeverSharedWithAnotherShape() {
        OneRowInsert a = parts("INSERT INTO \"t\" (\"a\") VALUES (?)", 1L);
        Statement first = OneRowInsert.joined(List.of(a, a, a));
        Statement again = OneRowInsert.joined(List.of(parts("INSERT INTO \"t\" (\"a\") VALUES (?)", 4L), a, a));
        assertThat(again.sql()).isSameAs(first.sql());
        assertThat(again.params()).containsExactly(4L, 1L, 1L);
        assertThat(OneRowInsert.joined(List.of(a, a)).sql())
                .isEqualTo("INSERT INTO \"t\" (\"a\") VALUES (?), (?) RETURNING \"id\"");
        assertThat(OneRowInsert.joined(List.of(parts("INSERT INTO \"u\" (\"a\") VALUES (?)", 1L),
                parts("INSERT INTO \"u\" (\"a\") VALUES (?)", 2L))).sql())
                .isEqualTo("INSERT INTO \"u\" (\"a\") VALUES (?), (?) RETURNING \"id\"");
        OneRowInsert otherKey = OneRowInsert.of(statement("INSERT INTO \"u\" (\"a\") VALUES (?)", 1L), "\"pk\"");
        assertThat(OneRowInsert.joined(List.of(otherKey, otherKey)).sql())
                .isEqualTo("INSERT INTO \"u\" (\"a\") VALUES (?), (?) RETURNING \"pk\"");
    }
}
