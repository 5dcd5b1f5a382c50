package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import java.util.List;

/**
 * The SQL of bulkUpdate's CASE form, {@code UPDATE t SET f = CASE pk WHEN ? THEN ? ... ELSE f END WHERE
 * pk IN (?, ...)}. Its text depends only on the model, the fields, the dialect and the number of rows, and
 * a 500-row statement is a thousand appends: rendered once per shape and reused, as every full batch of a
 * chunked update and every repeat of the same update is.
 */
final class CaseUpdateSql {
    /** Shapes kept; the least recently used goes first (every distinct number of rows is a shape). */
    private static final RecentlyUsed<Shape, String> RENDERED = new RecentlyUsed<>(32);

    private CaseUpdateSql() {
    }

    /** What the text depends on; model, fields and dialect by identity. */
    private record Shape(Dialect dialect, ModelMeta meta, List<FieldMeta> fields, int rows) {
    }

    /**
     * The statement for {@code rows} objects: per field, one {@code WHEN ? THEN ?} pair per row (its key,
     * then its value), then the rows' keys in the IN list.
     */
    static String of(Dialect dialect, ModelMeta meta, List<FieldMeta> fields, int rows) {
        Shape shape = new Shape(dialect, meta, fields, rows);
        String sql = RENDERED.get(shape);
        if (sql != null) return sql;
        sql = render(dialect, meta, fields, rows);
        RENDERED.put(new Shape(dialect, meta, List.copyOf(fields), rows), sql);
        return sql;
    }

    private static String render(Dialect d, ModelMeta meta, List<FieldMeta> fields, int rows) {
        String pkColumn = d.quote(meta.pk().column());
        StringBuilder sql = new StringBuilder(64 + fields.size() * (48 + 14 * rows) + 3 * rows)
                .append("UPDATE ").append(d.quote(meta.dbTable())).append(" SET ");
        for (int f = 0; f < fields.size(); f++) {
            String column = d.quote(fields.get(f).column());
            if (f > 0) sql.append(", ");
            sql.append(column).append(" = CASE ").append(pkColumn);
            sql.append(" WHEN ? THEN ?".repeat(rows));
            sql.append(" ELSE ").append(column).append(" END");
        }
        sql.append(" WHERE ").append(pkColumn).append(" IN (?").append(", ?".repeat(rows - 1));
        return sql.append(")").toString();
    }
}
