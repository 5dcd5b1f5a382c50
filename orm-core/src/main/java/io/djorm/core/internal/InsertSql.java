package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Renders multi-row INSERT statements, optionally returning the new primary keys. */
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
            params[i] = Persistence.dbValue(f, f.accessor().get(m));
        }
        return new Statement(cached.sql(), java.util.Arrays.asList(params));
    }

    /** The text of a one-row INSERT of these columns (DEFAULT VALUES when there are none), without parameters. */
    static String oneRowSql(Dialect d, ModelMeta meta, List<FieldMeta> fields) {
        StringBuilder sql = new StringBuilder(64 + fields.size() * 24).append("INSERT INTO ").append(d.quote(meta.dbTable()));
        if (fields.isEmpty()) return sql.append(" DEFAULT VALUES").toString();
        sql.append(" (");
        for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
        return sql.append(") VALUES (").append("?, ".repeat(fields.size() - 1)).append("?)").toString();
    }

    private static Statement render(Dialect d, ModelMeta meta, List<FieldMeta> fields, List<? extends Model> objs,
                                    boolean returning) {
        StringBuilder sql = new StringBuilder(64 + objs.size() * fields.size() * 3);
        sql.append("INSERT INTO ").append(d.quote(meta.dbTable()));
        List<Object> params = new ArrayList<>(objs.size() * fields.size());
        if (fields.isEmpty()) {
            if (objs.size() != 1) throw new IllegalArgumentException("A model with no columns inserts one row at a time");
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (");
            for (int i = 0; i < fields.size(); i++) sql.append(i > 0 ? ", " : "").append(d.quote(fields.get(i).column()));
            sql.append(") VALUES ");
            String row = "(" + "?, ".repeat(fields.size() - 1) + "?)";
            for (int r = 0; r < objs.size(); r++) {
                if (r > 0) sql.append(", ");
                sql.append(row);
                Model m = objs.get(r);
                for (FieldMeta f : fields) params.add(Persistence.dbValue(f, f.accessor().get(m)));
            }
        }
        if (returning) sql.append(" RETURNING ").append(d.quote(meta.pk().column()));
        return new Statement(sql.toString(), params);
    }
}
