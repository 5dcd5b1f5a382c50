package io.djorm.core;

import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.Hydrator;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Model instances from hand-written SQL (Django: {@code RawQuerySet}). Columns map onto fields by
 * column name; the primary key must be selected; other columns become annotations. Parameters are
 * bound, never spliced.
 *
 * @param <T> the model
 */
public final class RawQuerySet<T extends Model> implements Iterable<T> {
    private final Class<T> model;
    private final String sql;
    private final List<Object> params;
    private final String alias;
    private List<T> cache;

    RawQuerySet(Class<T> model, String sql, List<Object> params, String alias) {
        this.model = model;
        this.sql = sql;
        this.params = params;
        this.alias = alias;
    }

    /** The same query on another alias. */
    public RawQuerySet<T> using(String otherAlias) {
        return new RawQuerySet<>(model, sql, params, otherAlias);
    }

    /** Runs the SQL (once) and returns the instances. */
    public List<T> list() {
        if (cache != null) return cache;
        ModelMeta meta = Djorm.apps().register(model);
        DatabaseHandle handle = Djorm.handle(alias == null ? Djorm.DEFAULT_DB_ALIAS : alias);
        io.djorm.core.internal.RawSql.checkParameters("raw()", sql, params);
        List<Object> canonical = params.stream().map(io.djorm.core.expressions.Canonical::of).toList();
        cache = handle.call(conn -> {
            try (RowCursor c = conn.query(new Statement(sql, canonical))) {
                List<String> columns = c.columns();
                List<FieldMeta> fields = new ArrayList<>();
                List<String> extras = new ArrayList<>();
                int[] order = new int[columns.size()];
                int fi = 0;
                for (int i = 0; i < columns.size(); i++) {
                    FieldMeta f = fieldForColumn(meta, columns.get(i));
                    if (f != null) fields.add(f);
                }
                for (int i = 0; i < columns.size(); i++) if (fieldForColumn(meta, columns.get(i)) == null) extras.add(columns.get(i));
                if (fields.stream().noneMatch(FieldMeta::primaryKey)) {
                    throw new FieldError("Raw query must include the primary key column '" + meta.pk().column() + "'.");
                }
                for (int i = 0; i < columns.size(); i++) {
                    FieldMeta f = fieldForColumn(meta, columns.get(i));
                    order[f != null ? fields.indexOf(f) : fields.size() + extras.indexOf(columns.get(i))] = i;
                }
                Hydrator<T> h = new Hydrator<>(meta, fields, extras, java.util.Collections.nCopies(extras.size(), null),
                        handle.alias());
                RowCursor reordered = new ReorderedCursor(c, order);
                List<T> out = new ArrayList<>();
                while (c.next()) out.add(h.read(reordered));
                return out;
            }
        });
        return cache;
    }

    private static FieldMeta fieldForColumn(ModelMeta meta, String column) {
        for (FieldMeta f : meta.concreteFields()) {
            if (f.column().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) return f;
        }
        return null;
    }

    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    @Override
    public String toString() {
        return "<RawQuerySet: " + new Statement(sql, params.stream().map(io.djorm.core.expressions.Canonical::of).toList())
                .toDisplayString() + ">";
    }

    /** Presents a cursor's columns in another order. */
    private record ReorderedCursor(RowCursor c, int[] order) implements RowCursor {
        @Override public List<String> columns() { return c.columns(); }
        @Override public boolean next() { return c.next(); }
        @Override public Object getObject(int i) { return c.getObject(order[i]); }
        @Override public long getLong(int i) { return c.getLong(order[i]); }
        @Override public double getDouble(int i) { return c.getDouble(order[i]); }
        @Override public String getString(int i) { return c.getString(order[i]); }
        @Override public byte[] getBytes(int i) { return c.getBytes(order[i]); }
        @Override public boolean wasNull() { return c.wasNull(); }
        @Override public void close() { c.close(); }
    }
}
