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
    private static final RecentlyUsed<Shape, Rendered> RENDERED = new RecentlyUsed<>(32);
    /**
     * The text given last: the same update repeated, or the full batches of a chunked one, take it without
     * a shape to make and hash or a lock to take (which cost a 500-row bulkUpdate about 2% of its client work).
     */
    private static volatile Rendered last;

    private CaseUpdateSql() {
    }

    /**
     * What the text depends on; model, fields and dialect by identity. Compared and hashed by hand: a
     * record's generated equals and hashCode went through its bootstrap method handles and the list's own
     * equals on every bulkUpdate.
     */
    private static final class Shape {
        private final Dialect dialect;
        private final ModelMeta meta;
        private final List<FieldMeta> fields;
        private final int rows;
        private final int hash;

        Shape(Dialect dialect, ModelMeta meta, List<FieldMeta> fields, int rows) {
            this.dialect = dialect;
            this.meta = meta;
            this.fields = fields;
            this.rows = rows;
            int h = 31 * System.identityHashCode(meta) + System.identityHashCode(dialect);
            for (int i = 0; i < fields.size(); i++) h = 31 * h + System.identityHashCode(fields.get(i));
            this.hash = 31 * h + rows;
        }

        /** Whether this is the shape of these arguments, compared as {@link #equals} compares two shapes. */
        boolean is(Dialect dialect, ModelMeta meta, List<FieldMeta> fields, int rows) {
            if (this.rows != rows || this.meta != meta || this.dialect != dialect || this.fields.size() != fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) if (this.fields.get(i) != fields.get(i)) return false;
            return true;
        }

        /** The same shape over a copy of the fields, to be kept: the caller may change its list afterwards. */
        Shape kept() {
            return new Shape(dialect, meta, List.copyOf(fields), rows);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Shape other) || other.hash != hash || other.rows != rows || other.meta != meta
                    || other.dialect != dialect || other.fields.size() != fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) if (other.fields.get(i) != fields.get(i)) return false;
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The statement for {@code rows} objects: per field, one {@code WHEN ? THEN ?} pair per row (its key,
     * then its value), then the rows' keys in the IN list.
     */
    static String of(Dialect dialect, ModelMeta meta, List<FieldMeta> fields, int rows) {
        Rendered r = last;
        if (r != null && r.shape().is(dialect, meta, fields, rows)) return r.sql();
        Shape shape = new Shape(dialect, meta, fields, rows);
        r = RENDERED.get(shape);
        if (r == null) {
            r = new Rendered(shape.kept(), render(dialect, meta, fields, rows));
            RENDERED.put(r.shape(), r);
        }
        last = r;
        return r.sql();
    }

    /** A kept shape and its text. */
    private record Rendered(Shape shape, String sql) {
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
