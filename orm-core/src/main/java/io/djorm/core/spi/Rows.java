package io.djorm.core.spi;

import java.util.List;

/**
 * A fully read result: columns, rows in canonical form, and the number of rows the statement changed.
 *
 * @param columns column names, in select order (empty for statements that return no rows)
 * @param rows each row's values in canonical form
 * @param rowCount rows inserted, updated or deleted (0 for a plain SELECT)
 */
public record Rows(List<String> columns, List<Object[]> rows, long rowCount) {
    /** An empty result that changed {@code rowCount} rows. */
    public static Rows changed(long rowCount) {
        return new Rows(List.of(), List.of(), rowCount);
    }

    /**
     * The integer key in the first column of a keyed INSERT's result ({@link Connection#enqueueInsert}).
     *
     * @throws io.djorm.core.DatabaseError when the result holds no row or no integer
     */
    public static long newKey(Rows result, Statement insert) {
        if (!result.rows().isEmpty() && result.rows().get(0).length > 0 && result.rows().get(0)[0] instanceof Number key) {
            return key.longValue();
        }
        throw new io.djorm.core.DatabaseError("The INSERT returned no primary key. [SQL: " + insert.sql() + "]");
    }

    /** A forward cursor over these rows. */
    public RowCursor cursor() {
        return new ListRowCursor(columns, rows);
    }
}
