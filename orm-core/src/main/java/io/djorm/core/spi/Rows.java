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

    /** A forward cursor over these rows. */
    public RowCursor cursor() {
        return new ListRowCursor(columns, rows);
    }
}
