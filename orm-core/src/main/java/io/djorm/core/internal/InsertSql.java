package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.internal.fields.StoredAsIs;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders multi-row INSERT statements, optionally returning the new primary keys, with their values
 * checked as {@link Persistence#requireStorable} checks them (a {@link io.djorm.core.DataError} before any SQL runs).
 */
final class InsertSql {
    private InsertSql() {
    }

    /** Which one-row INSERT a cached text is for; the fields are compared on a hit, not hashed. */
    private record OneRowKey(String model, String table, String dialect, Class<?> dialectClass, int columns) {
    }

    /** A rendered one-row INSERT and the fields it writes, in order. */
    private record OneRow(List<FieldMeta> fields, String sql) {
    }

    /** One-row INSERTs (every save() of a new object) rendered once per model, dialect and column list. */
    private static final ConcurrentHashMap<OneRowKey, OneRow> ONE_ROW = new ConcurrentHashMap<>();

    static Statement build(Dialect d, ModelMeta meta, List<FieldMeta> fields, List<? extends Model> objs, boolean returning) {
        if (objs.size() == 1 && !returning && !fields.isEmpty()) return oneRow(d, meta, fields, objs.get(0));
        return render(d, meta, fields, objs, returning);
    }

    private static Statement oneRow(Dialect d, ModelMeta meta, List<FieldMeta> fields, Model m) {
        OneRowKey key = new OneRowKey(meta.labelLower(), meta.dbTable(), d.name(), d.getClass(), fields.size());
        OneRow cached = ONE_ROW.get(key);
        if (cached == null || !cached.fields().equals(fields)) {
            cached = new OneRow(List.copyOf(fields), render(d, meta, fields, List.of(m), false).sql());
            ONE_ROW.put(key, cached);
        }
        Object[] params = new Object[fields.size()];
        for (int i = 0; i < params.length; i++) {
            FieldMeta f = fields.get(i);
            params[i] = Persistence.storableDbValue(meta, f, f.accessor().get(m));
        }
        return CheckedStatements.handingOver(cached.sql(), params);
    }

    /** The text of a one-row INSERT of these columns (DEFAULT VALUES when there are none), without parameters. */
    static String oneRowSql(Dialect d, ModelMeta meta, List<FieldMeta> fields) {
        StringBuilder sql = new StringBuilder(64 + fields.size() * 24).append("INSERT INTO ").append(d.quote(meta.dbTable()));
        if (fields.isEmpty()) return sql.append(" DEFAULT VALUES").toString();
        sql.append(" (");
        for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
        return sql.append(") VALUES (").append("?, ".repeat(fields.size() - 1)).append("?)").toString();
    }

    /** Which multi-row INSERT a cached text is for; the field lists are compared on a hit. */
    private record RowsKey(String model, String table, String dialect, Class<?> dialectClass, List<FieldMeta> fields,
                           int rows, boolean returning) {
    }

    /**
     * Multi-row INSERT texts (bulkCreate's batches: one or two shapes per model) rendered once: a batch of
     * 500 rows re-rendered tens of kilobytes of placeholders per call. Only short texts are kept, and
     * only so many, so that odd batch sizes cannot grow the cache without bound.
     */
    private static final ConcurrentHashMap<RowsKey, String> ROWS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_TEXTS = 32;
    private static final int MAX_CACHED_CHARS = 64 * 1024;

    private static Statement render(Dialect d, ModelMeta meta, List<FieldMeta> fields, List<? extends Model> objs,
                                    boolean returning) {
        if (fields.isEmpty() && objs.size() != 1) {
            throw new IllegalArgumentException("A model with no columns inserts one row at a time");
        }
        Object[] params = new Object[objs.size() * fields.size()];
        if (!fields.isEmpty()) {
            // Read with the model's generated reader, then check and convert each value once.
            FieldReader reader = FieldReaders.of(meta, fields);
            FieldMeta[] columns = fields.toArray(FieldMeta[]::new);
            Object[] row = new Object[columns.length];
            // A column often holds the very same value row after row (the author of a thousand new books): its
            // conversion, a function of an immutable value, is taken from the row before.
            Object[] lastValue = new Object[columns.length];
            Object[] lastDbValue = new Object[columns.length];
            // A value that is its own database value (a finite Double price, a Long) is sent as it is: its kind's
            // conversion, through a call site shared by every kind, was a third of a row's conversions.
            StoredAsIs[] asIs = new StoredAsIs[columns.length];
            for (int i = 0; i < columns.length; i++) asIs[i] = StoredAsIs.of(columns[i]);
            int p = 0;
            for (int r = 0; r < objs.size(); r++) { // by index: a batch is a subList, whose iterator showed in profiles
                reader.read(objs.get(r), row);
                for (int i = 0; i < row.length; i++) {
                    Object value = row[i];
                    if (value != null && value == lastValue[i]) {
                        params[p++] = lastDbValue[i];
                        continue;
                    }
                    if (value != null && asIs[i].takes(value)) {
                        params[p++] = value;
                        continue;
                    }
                    Object db = Persistence.storableDbValue(meta, columns[i], value);
                    params[p++] = db;
                    if (isImmutable(value)) {
                        lastValue[i] = value;
                        lastDbValue[i] = db;
                    }
                }
            }
        }
        return CheckedStatements.handingOver(rowsSql(d, meta, fields, objs.size(), returning), params);
    }

    /** Whether a value's conversion can be reused for the same instance: it cannot change after it was converted. */
    private static boolean isImmutable(Object value) {
        Class<?> c = value == null ? null : value.getClass();
        return c == Long.class || c == String.class || c == Integer.class || c == Double.class || c == Boolean.class;
    }

    private static String rowsSql(Dialect d, ModelMeta meta, List<FieldMeta> fields, int rows, boolean returning) {
        RowsKey key = new RowsKey(meta.labelLower(), meta.dbTable(), d.name(), d.getClass(), fields, rows, returning);
        String cached = ROWS.get(key);
        if (cached != null) return cached;
        String sql = renderSql(d, meta, fields, rows, returning);
        if (sql.length() <= MAX_CACHED_CHARS) {
            if (ROWS.size() >= MAX_CACHED_TEXTS) ROWS.clear();
            ROWS.put(new RowsKey(key.model(), key.table(), key.dialect(), key.dialectClass(), List.copyOf(fields), rows,
                    returning), sql);
        }
        return sql;
    }

    private static String renderSql(Dialect d, ModelMeta meta, List<FieldMeta> fields, int rows, boolean returning) {
        StringBuilder sql = new StringBuilder(64 + fields.size() * 24 + rows * fields.size() * 3);
        sql.append("INSERT INTO ").append(d.quote(meta.dbTable()));
        if (fields.isEmpty()) {
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (");
            for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
            sql.append(") VALUES ");
            String row = "(" + "?, ".repeat(fields.size() - 1) + "?)";
            for (int r = 0; r < rows; r++) {
                if (r > 0) sql.append(", ");
                sql.append(row);
            }
        }
        if (returning) sql.append(" RETURNING ").append(d.quote(meta.pk().column()));
        return sql.toString();
    }
}
