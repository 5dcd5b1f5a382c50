package io.djorm.sqlite.internal.schema;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds rows whose foreign key points at no row, like {@code PRAGMA foreign_key_check}, with plain
 * queries: some libSQL servers (tursodb) have no such PRAGMA. Costs two statements whatever the number
 * of tables: one lists every foreign key through {@code pragma_foreign_key_list}, one checks them all.
 */
final class ForeignKeyCheck {
    private static final int MAX_REPORTED = 10;

    private final Connection connection;
    private final Dialect dialect;

    ForeignKeyCheck(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Up to ten broken references, each described for a person; empty when every key is satisfied. */
    List<String> brokenReferences() {
        List<String> checks = new ArrayList<>();
        try (RowCursor rows = connection.query(Statement.of("SELECT m.name, f.\"table\", f.\"from\", "
                + "coalesce(f.\"to\", (SELECT p.name FROM pragma_table_info(f.\"table\") p WHERE p.pk = 1)) "
                + "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f "
                + "WHERE m.type = 'table' ORDER BY m.name, f.\"from\""))) {
            while (rows.next()) {
                checks.add(check(rows.getString(0), rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        List<String> problems = new ArrayList<>();
        if (checks.isEmpty()) return problems;
        try (RowCursor rows = connection.query(Statement.of(String.join(" UNION ALL ", checks) + " LIMIT " + MAX_REPORTED))) {
            while (rows.next()) {
                problems.add(rows.getString(0) + "." + rows.getString(1) + " = " + rows.getString(2)
                        + " matches no row of " + rows.getString(3));
            }
        }
        return problems;
    }

    private String check(String child, String parent, String from, String to) {
        return "SELECT " + SqlLiterals.literal(child) + ", " + SqlLiterals.literal(from) + ", " + q(from) + ", "
                + SqlLiterals.literal(parent) + " FROM " + q(child)
                + " WHERE " + q(from) + " IS NOT NULL AND " + q(from) + " NOT IN (SELECT " + q(to) + " FROM " + q(parent) + ")";
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }
}
