package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-row {@code INSERT ... VALUES (?, ..., ?)} whose key is wanted, and the joining of several of
 * them into one multi-row {@code INSERT ... RETURNING key}: the way a JDBC driver rewrites a batch of
 * inserts. One statement instead of one per row saves the server most of its per-statement work (on
 * tursodb, the AUTOINCREMENT bookkeeping and the steps that read each key).
 *
 * @param head the statement up to its {@code VALUES} list: {@code INSERT INTO "t" ("a", "b")}
 * @param row the one row's placeholders, {@code (?, ?)}
 * @param params the row's values
 * @param keyColumn the quoted key column
 */
record OneRowInsert(String head, String row, List<Object> params, String keyColumn) {
    /** The most values one joined statement binds (SQLite's own limit is 32,766). */
    static final int MAX_PARAMS = 30_000;

    /**
     * The insert's parts, or null when the statement is not exactly a head followed by
     * {@code VALUES} and one row with as many placeholders as values (then it is never joined).
     */
    static OneRowInsert of(Statement insert, String keyColumn) {
        int n = insert.params().size();
        if (n == 0) return null;
        String row = "(" + "?, ".repeat(n - 1) + "?)";
        String tail = " VALUES " + row;
        String sql = insert.sql();
        if (!sql.endsWith(tail) || StatementKind.of(sql) != StatementKind.WRITE) return null;
        return new OneRowInsert(sql.substring(0, sql.length() - tail.length()), row, insert.params(), keyColumn);
    }

    /** Whether {@code other} inserts into the same columns and so can share a statement with this one. */
    boolean joinsWith(OneRowInsert other) {
        return other != null && head.equals(other.head) && keyColumn.equals(other.keyColumn);
    }

    /** One statement inserting all the rows, in order, returning their keys in the same order. */
    static Statement joined(List<OneRowInsert> rows) {
        OneRowInsert first = rows.get(0);
        StringBuilder sql = new StringBuilder(first.head.length() + rows.size() * (first.row.length() + 2) + 32);
        sql.append(first.head).append(" VALUES ");
        List<Object> params = new ArrayList<>(rows.size() * first.params.size());
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(first.row);
            params.addAll(rows.get(i).params);
        }
        sql.append(" RETURNING ").append(first.keyColumn);
        return new Statement(sql.toString(), params);
    }
}
