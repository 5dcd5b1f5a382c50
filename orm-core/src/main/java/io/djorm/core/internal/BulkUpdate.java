package io.djorm.core.internal;

import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.ValueError;
import io.djorm.core.internal.fields.StoredAsIs;
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
        RowValues values = new RowValues(meta, fields);
        Dialect d = handle.database().dialect();
        // Every value is converted and checked before any SQL runs: each path builds all its statements first.
        return handle.call(conn -> conn.batchesCheaply()
                ? updateEach(conn, d, meta, firstPerKey(values.rows(objs)), fields)
                : updateByCase(conn, d, meta, objs, values, fields, batchSize));
    }

    /**
     * Reads an object's fields then its key as database values: converted once, each refused (DataError)
     * when its column cannot hold it.
     */
    static final class RowValues {
        private final ModelMeta meta;
        private final List<FieldMeta> fields;
        private final FieldMeta pk;
        private final Class<?> type;
        private final FieldReader reader;
        /** Per field, then for the key: which values are their own database value, judged once per call. */
        private final StoredAsIs[] asIs;
        /** Where the key goes in a row: after the fields. */
        private final int keyAt;

        RowValues(ModelMeta meta, List<FieldMeta> fields) {
            this.meta = meta;
            this.fields = fields;
            this.pk = meta.pk();
            this.type = meta.javaClass();
            this.keyAt = fields.size();
            this.asIs = new StoredAsIs[fields.size() + 1];
            for (int f = 0; f < fields.size(); f++) asIs[f] = StoredAsIs.of(fields.get(f));
            asIs[fields.size()] = StoredAsIs.of(pk);
            // The fields then the key, read in one call per object of the model's own class (a subclass's
            // instance may name its key otherwise: m.pk() asks its own metadata).
            List<FieldMeta> read = new ArrayList<>(fields.size() + 1);
            read.addAll(fields);
            read.add(pk);
            this.reader = FieldReaders.of(meta, read);
        }

        /** How long a row is: the fields, then the key. */
        int width() {
            return fields.size() + 1;
        }

        /** Fills {@code row} ({@link #width} long) with {@code m}'s values. */
        void read(Model m, Object[] row) {
            int n = keyAt;
            if (m.getClass() == type) {
                reader.read(m, row);
            } else {
                for (int f = 0; f < n; f++) row[f] = fields.get(f).accessor().get(m);
                row[n] = m.pk();
            }
            if (row[n] == null) throw new ValueError("All bulkUpdate() objects must have a primary key set.");
            // The fields and the key in one loop: a loaded object's values are taken as they are, nothing called.
            for (int f = 0; f <= n; f++) {
                Object v = row[f];
                if (v != null && !asIs[f].takes(v)) row[f] = converted(f, v);
            }
        }

        /** Value {@code v} of field {@code f} (the key at {@link #keyAt}) as its database value, checked. */
        private Object converted(int f, Object v) {
            return f < keyAt ? Persistence.storableDbValue(meta, fields.get(f), v) : Persistence.dbValue(pk, v);
        }

        /** One row per object. */
        List<Object[]> rows(List<Model> objs) {
            List<Object[]> rows = new ArrayList<>(objs.size());
            for (Model m : objs) {
                Object[] row = new Object[width()];
                read(m, row);
                rows.add(row);
            }
            return rows;
        }
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

    /**
     * bulkUpdate as Django writes it: {@code SET f = CASE pk WHEN ? THEN ? ... END WHERE pk IN (...)}. Each
     * object's values go straight into their places in the statement's parameters, through one row buffer.
     */
    private static long updateByCase(Connection conn, Dialect d, ModelMeta meta, List<Model> objs, RowValues values,
                                     List<FieldMeta> fields, int batchSize) {
        long total = 0;
        for (Rows result : conn.executeAll(caseStatements(d, meta, objs, values, fields, batchSize))) total += result.rowCount();
        return total;
    }

    /** The CASE statements of {@link #updateByCase}, every value read and checked before the first is sent. */
    static List<Statement> caseStatements(Dialect d, ModelMeta meta, List<Model> objs, RowValues values,
                                          List<FieldMeta> fields, int batchSize) {
        int n = fields.size();
        int perStatement = Math.max(1, Math.min(batchSize, d.maxParameters() / (n * 2 + 1)));
        Object[] row = new Object[values.width()];
        List<Statement> statements = new ArrayList<>((objs.size() + perStatement - 1) / perStatement);
        for (int from = 0; from < objs.size(); from += perStatement) {
            int rows = Math.min(objs.size(), from + perStatement) - from;
            // Bound in the order of CaseUpdateSql's placeholders: per field its (key, value) pairs, then the keys.
            Object[] params = new Object[rows * (2 * n + 1)];
            int keys = 2 * n * rows;
            boolean integerKeys = true;
            for (int r = 0; r < rows; r++) {
                values.read(objs.get(from + r), row);
                Object key = row[n];
                integerKeys &= key instanceof Long;
                if (n == 1) { // the usual one field: its pair, without the loop over fields
                    params[2 * r] = key;
                    params[2 * r + 1] = row[0];
                } else {
                    for (int f = 0; f < n; f++) {
                        int at = 2 * (f * rows + r);
                        params[at] = key;
                        params[at + 1] = row[f];
                    }
                }
                params[keys + r] = key;
            }
            String sql = CaseUpdateSql.of(d, meta, fields, rows);
            // The values were checked as they were converted (storableDbValue) and an integer key holds nothing to
            // refuse: the connection need not scan the statement's thousand values again. A key of another kind
            // (a text key, converted by dbValue) is still checked on its way.
            statements.add(integerKeys ? CheckedStatements.handingOver(sql, params) : Statement.handingOver(sql, params));
        }
        return statements;
    }
}
