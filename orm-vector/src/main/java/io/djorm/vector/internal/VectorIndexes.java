package io.djorm.vector.internal;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds libSQL vector indexes in a database's schema ({@code sqlite_master}): the index on a column
 * with a given metric, read from the {@code CREATE INDEX ... libsql_vector_idx(column, 'metric=...')}
 * text. A database without such indexes (SQLite files, tursodb) simply has none.
 */
public final class VectorIndexes {
    private static final Pattern INDEXED_COLUMN = Pattern.compile(
            "libsql_vector_idx\\s*\\(\\s*(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^]]+)]|([A-Za-z_][A-Za-z0-9_]*))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern METRIC = Pattern.compile("'metric\\s*=\\s*([a-z0-9]+)'", Pattern.CASE_INSENSITIVE);

    private static final java.util.Set<String> ROWID_TYPES = java.util.Set.of("AutoField", "BigAutoField", "SmallAutoField",
            "IntegerField", "BigIntegerField");

    private VectorIndexes() {
    }

    /** The name of a vector index on {@code table.column} ordering by {@code metric} ("cosine", "l2"), if any. */
    public static Optional<String> find(Connection connection, String table, String column, String metric) {
        Statement list = new Statement("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                + " AND sql LIKE '%libsql_vector_idx%'", java.util.List.of(table));
        try (RowCursor rows = connection.query(list)) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (column.equals(indexedColumn(sql)) && metric.equals(metricOf(sql))) return Optional.of(rows.getString(0));
            }
        }
        return Optional.empty();
    }

    /** Whether the model's primary key is an integer, so the rowid that {@code vector_top_k} returns. */
    public static boolean rowidKey(io.djorm.core.meta.ModelMeta model) {
        return ROWID_TYPES.contains(model.pk().type().internalType());
    }

    static String indexedColumn(String createSql) {
        Matcher m = INDEXED_COLUMN.matcher(createSql);
        if (!m.find()) return null;
        if (m.group(1) != null) return m.group(1).replace("\"\"", "\"");
        for (int g = 2; g <= 4; g++) if (m.group(g) != null) return m.group(g);
        return null;
    }

    /** The index's metric; libSQL's default is cosine. */
    static String metricOf(String createSql) {
        Matcher m = METRIC.matcher(createSql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "cosine";
    }
}
