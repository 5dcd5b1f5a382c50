package io.djorm.core.internal;

import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.ValueError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code bulkUpdate}: writes the named fields of many loaded instances. Every value is converted and
 * checked once, before any SQL runs; then a driver that runs batches cheaply (SQLite) rebinds one
 * prepared {@code UPDATE ... SET f = ? WHERE pk = ?} per object, and any other transport gets Django's
 * {@code CASE pk WHEN ? THEN ? ... END} form, one request per batch.
 */
public final class BulkUpdate {
    private BulkUpdate() {
    }

    /** Updates the fields of the objects in one unit; returns the number of rows matched. */
    public static long run(DatabaseHandle handle, ModelMeta meta, List<Model> objs, List<String> names, int batchSize) {
        if (objs.isEmpty()) return 0;
        List<FieldMeta> fields = new ArrayList<>(names.size());
        for (String n : names) {
            FieldMeta f = meta.field(n);
            if (f.primaryKey() || !f.hasColumn()) {
                throw new FieldError("bulkUpdate() can only update concrete non-primary-key fields, not '" + n + "'.");
            }
            fields.add(f);
        }
        List<Object[]> rows = values(meta, objs, fields);
        Dialect d = handle.database().dialect();
        return handle.call(conn -> conn.batchesCheaply()
                ? updateEach(conn, d, meta, firstPerKey(rows), fields)
                : updateByCase(conn, d, meta, rows, fields, batchSize));
    }

    /**
     * Per object, the database values of the fields followed by its primary key: converted once, each
     * refused (DataError) when its column cannot hold it.
     */
    private static List<Object[]> values(ModelMeta meta, List<Model> objs, List<FieldMeta> fields) {
        FieldMeta pk = meta.pk();
        Class<?> type = meta.javaClass();
        int n = fields.size();
        // The fields then the key, read in one call per object of the model's own class (a subclass's
        // instance may name its key otherwise: m.pk() asks its own metadata).
        List<FieldMeta> read = new ArrayList<>(n + 1);
        read.addAll(fields);
        read.add(pk);
        FieldReader reader = FieldReaders.of(meta, read);
        List<Object[]> rows = new ArrayList<>(objs.size());
        for (Model m : objs) {
            Object[] row = new Object[n + 1];
            if (m.getClass() == type) {
                reader.read(m, row);
            } else {
                for (int f = 0; f < n; f++) row[f] = fields.get(f).accessor().get(m);
                row[n] = m.pk();
            }
            if (row[n] == null) throw new ValueError("All bulkUpdate() objects must have a primary key set.");
            for (int f = 0; f < n; f++) row[f] = Persistence.storableDbValue(meta, fields.get(f), row[f]);
            row[n] = Persistence.dbValue(pk, row[n]);
            rows.add(row);
        }
        return rows;
    }

    /**
     * The rows without later repeats of a primary key (its last element): the first object of each key
     * is written, as in the CASE form and in Django. Integer keys are checked by sorting a copy, which
     * costs less than hashing every key when, as nearly always, there is no repeat.
     */
    static List<Object[]> firstPerKey(List<Object[]> rows) {
        if (!hasRepeatedKey(rows)) return rows;
        Set<Object> seen = new HashSet<>();
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) if (seen.add(row[row.length - 1])) out.add(row);
        return out;
    }

    private static boolean hasRepeatedKey(List<Object[]> rows) {
        long[] keys = new long[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            Object[] row = rows.get(i);
            if (!(row[row.length - 1] instanceof Long key)) return true; // not integers: let the set decide
            keys[i] = key;
        }
        Arrays.sort(keys);
        for (int i = 1; i < keys.length; i++) if (keys[i] == keys[i - 1]) return true;
        return false;
    }

    /**
     * One {@code UPDATE ... SET f = ? WHERE pk = ?} run once per object on a driver that rebinds a prepared
     * statement cheaply: SQLite evaluates a CASE of n branches on each of n rows, n² comparisons.
     */
    private static long updateEach(Connection conn, Dialect d, ModelMeta meta, List<Object[]> rows, List<FieldMeta> fields) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(d.quote(meta.dbTable())).append(" SET ");
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) sql.append(", ");
            sql.append(d.quote(fields.get(f).column())).append(" = ?");
        }
        sql.append(" WHERE ").append(d.quote(meta.pk().column())).append(" = ?");
        List<List<Object>> params = new ArrayList<>(rows.size());
        for (Object[] row : rows) params.add(Arrays.asList(row));
        long total = 0;
        for (long changed : conn.executeBatch(sql.toString(), params)) total += changed;
        return total;
    }

    /** bulkUpdate as Django writes it: {@code SET f = CASE pk WHEN ? THEN ? ... END WHERE pk IN (...)}. */
    private static long updateByCase(Connection conn, Dialect d, ModelMeta meta, List<Object[]> rows,
                                     List<FieldMeta> fields, int batchSize) {
        int keyAt = fields.size();
        int perStatement = Math.max(1, Math.min(batchSize, d.maxParameters() / (fields.size() * 2 + 1)));
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += perStatement) {
            List<Object[]> batch = rows.subList(i, Math.min(rows.size(), i + perStatement));
            // Bound in the order of CaseUpdateSql's placeholders: per field its (key, value) pairs, then the keys.
            Object[] params = new Object[batch.size() * (2 * fields.size() + 1)];
            int p = 0;
            for (int f = 0; f < fields.size(); f++) {
                for (Object[] row : batch) {
                    params[p++] = row[keyAt];
                    params[p++] = row[f];
                }
            }
            for (Object[] row : batch) params[p++] = row[keyAt];
            statements.add(Statement.handingOver(CaseUpdateSql.of(d, meta, fields, batch.size()), params));
        }
        return conn.executeAll(statements).stream().mapToLong(Rows::rowCount).sum();
    }
}
