package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Statement;
import java.util.List;

/**
 * A one-row {@code INSERT ... VALUES (?, ..., ?)} whose key is wanted, and the joining of several of
 * them into one multi-row {@code INSERT ... RETURNING key}: the way a JDBC driver rewrites a batch of
 * inserts. One statement instead of one per row saves the server most of its per-statement work (on
 * tursodb, the AUTOINCREMENT bookkeeping and the steps that read each key).
 *
 * @param sql the whole statement, {@code head + " VALUES " + row}, where the head is the statement up to
 *            its {@code VALUES} list: {@code INSERT INTO "t" ("a", "b")}
 * @param headEnd where the head ends in {@code sql}
 * @param row the one row's placeholders, {@code (?, ?)}
 * @param params the row's values
 * @param keyColumn the quoted key column
 */
record OneRowInsert(String sql, int headEnd, String row, List<Object> params, String keyColumn) {
    /** The most values one joined statement binds (SQLite's own limit is 32,766). */
    static final int MAX_PARAMS = 30_000;

    /**
     * The insert's parts, or null when the statement is not exactly a head followed by
     * {@code VALUES} and one row with as many placeholders as values (then it is never joined).
     */
    static OneRowInsert of(Statement insert, String keyColumn) {
        int n = insert.params().size();
        if (n == 0) return null;
        String row = row(n);
        String sql = insert.sql();
        int headEnd = sql.length() - row.length() - VALUES.length();
        if (headEnd < 0 || !sql.startsWith(VALUES, headEnd) || !sql.endsWith(row) || StatementKind.of(sql) != StatementKind.WRITE) {
            return null;
        }
        return new OneRowInsert(sql, headEnd, row, insert.params(), keyColumn);
    }

    /** The statement up to its {@code VALUES} list. */
    String head() {
        return sql.substring(0, headEnd);
    }

    private static final String VALUES = " VALUES ";
    /** The placeholders of rows of up to 64 values, made once: an atomic block's saves are split this way at each commit. */
    private static final String[] ROWS = new String[65];

    private static String row(int n) {
        String row = n < ROWS.length ? ROWS[n] : null; // a race only makes the same text twice
        if (row == null) {
            row = "(" + "?, ".repeat(n - 1) + "?)";
            if (n < ROWS.length) ROWS[n] = row;
        }
        return row;
    }

    /**
     * Whether {@code insert} inserts into the same columns with the same key column, and so can share a
     * statement with this one: the same text (the same instance, for the saves of one model) has the same
     * head and row, so it is not taken apart again (an atomic block's fifty saves, each of which was cut
     * apart into a record of its own before).
     */
    boolean joins(Statement insert, String keyColumn) {
        return keyColumn != null && keyColumn.equals(this.keyColumn) && insert.params().size() == params.size()
                && insert.sql().equals(sql);
    }

    /**
     * One statement inserting {@code rows} rows whose values ({@code rows} times this one's number, this
     * one's row first, then those of inserts that {@link #joins} it) are handed over in {@code values}.
     */
    Statement joined(int rows, Object[] values) {
        return Statement.handingOver(joinedText(this, rows), values);
    }

    /** The last joined text made (a race only makes the same text twice). */
    private static volatile JoinedText lastJoined;

    /** A joined text and what it was made of: one insert's text (which holds its head and row), its key and a row count. */
    private record JoinedText(String sql, String keyColumn, int rows, String text) {
    }

    /**
     * The text joining {@code rows} inserts like {@code first}: kept for the next commit, which joins the same
     * saves again (an atomic block of fifty saves, committed block after block, rebuilt kilobytes of text).
     * One text only, so that odd shapes cannot grow any cache; a text is for exactly one insert text, key
     * column and row count.
     */
    private static String joinedText(OneRowInsert first, int rows) {
        JoinedText last = lastJoined;
        if (last != null && last.rows == rows && last.sql.equals(first.sql) && last.keyColumn.equals(first.keyColumn)) {
            return last.text;
        }
        StringBuilder sql = new StringBuilder(first.sql.length() + rows * (first.row.length() + 2) + 32);
        sql.append(first.sql, 0, first.headEnd).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            if (i > 0) sql.append(", ");
            sql.append(first.row);
        }
        String text = sql.append(" RETURNING ").append(first.keyColumn).toString();
        lastJoined = new JoinedText(first.sql, first.keyColumn, rows, text);
        return text;
    }
}
