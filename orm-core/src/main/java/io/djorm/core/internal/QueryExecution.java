package io.djorm.core.internal;

import io.djorm.core.ValueError;
import io.djorm.core.CloseableIterator;
import io.djorm.core.DeleteResult;
import io.djorm.core.DoesNotExist;
import io.djorm.core.Model;
import io.djorm.core.MultipleObjectsReturned;
import io.djorm.core.QuerySet;
import io.djorm.core.Signals;
import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OrderBy;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.SqlBuffer;
import io.djorm.core.internal.query.SqlCompiler;
import io.djorm.core.internal.query.TopKPlanners;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Runs a query against an alias and shapes its rows: the terminal half of a QuerySet. */
public final class QueryExecution<T> {
    private static final int MAX_GET_RESULTS = 21;
    private static final int DEFAULT_INSERT_ROWS = 500;
    private final ModelMeta meta;
    private final Query query;
    private final DatabaseHandle handle;
    private final String shape;

    /** An execution of a query on an alias; {@code shape} is MODELS, MAPS, LISTS, FLAT or NAMED. */
    public QueryExecution(ModelMeta meta, Query query, DatabaseHandle handle, String shape) {
        this.meta = meta;
        this.query = query;
        this.handle = handle;
        this.shape = shape;
    }

    private Dialect dialect() {
        return handle.database().dialect();
    }

    /** Every row. */
    public List<T> fetchAll() {
        return fetchAll(null, null);
    }

    /**
     * Every row of {@code rendered}: this query's statement as rendered earlier, bound to other values of
     * the same kinds (prefetchRelated's batches); null renders the query.
     */
    public List<T> fetchAll(Statement rendered) {
        if (rendered != null && !shape.equals("MODELS")) {
            throw new IllegalStateException("Only a query of model instances runs a statement rendered earlier.");
        }
        return fetchAll(null, rendered);
    }

    /** Reads, row by row, a key column that is not kept on the instances (see {@link #fetchAllKeyedByLastAnnotation}). */
    public interface RowKeys {
        /** Reads the current row's key from {@code column}, as {@code readAs} reads it (null: the raw value). */
        void read(RowCursor row, int column, FieldMeta readAs);
    }

    /**
     * Every row as a model instance, the query's last annotation of each row going to {@code keys}, in row
     * order. That annotation is read beside the instance instead of being kept on it: prefetchRelated's key
     * of the instance a row belongs to is bookkeeping, not a value the caller asked for.
     * {@code rendered} is as for {@link #fetchAll(Statement)}.
     */
    public List<T> fetchAllKeyedByLastAnnotation(RowKeys keys, Statement rendered) {
        if (!shape.equals("MODELS") || query.annotations().isEmpty()) {
            throw new IllegalStateException("Only a query of model instances with an annotation has a key per row.");
        }
        return fetchAll(keys, rendered);
    }

    private List<T> fetchAll(RowKeys keys, Statement rendered) {
        if (query.isEmpty()) return List.of();
        List<T> rows = handle.call(conn -> {
            SqlCompiler compiler = rendered != null ? null : new SqlCompiler(TopKPlanners.plan(query, conn), dialect());
            Statement st = rendered != null ? rendered : compiler.select().toStatement();
            Function<RowCursor, T> reader = reader(compiler, keys); // the same compiler: its columns are the SELECT's
            try (RowCursor c = conn.query(st)) {
                List<T> out = new ArrayList<>();
                while (c.next()) out.add(reader.apply(c));
                return out;
            }
        });
        if (shape.equals("MODELS") && !query.prefetches().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Model> models = (List<Model>) rows;
            new Prefetcher(handle.alias()).prefetch(models, query.prefetches());
        }
        return rows;
    }

    /**
     * The row reader of the query's shape; with {@code rowKeys}, the last annotation goes there (MODELS only).
     * {@code compiler} renders the SELECT of the other shapes; MODELS needs none.
     */
    @SuppressWarnings("unchecked")
    private Function<RowCursor, T> reader(SqlCompiler compiler, RowKeys rowKeys) {
        if (shape.equals("MODELS")) {
            List<FieldMeta> fields = query.loadedFields();
            List<String> names = new ArrayList<>(query.annotations().keySet());
            List<FieldMeta> outputs = query.annotations().values().stream().map(Expression::outputField).toList();
            int annotationColumns = names.size();
            Hydrator<T> h = rowKeys == null ? Hydrators.of(meta, fields, names, outputs, handle.alias())
                    : Hydrators.of(meta, fields, names.subList(0, annotationColumns - 1), // the last one is the key
                    outputs.subList(0, annotationColumns - 1), handle.alias());
            SelectedRelations related = query.relatedSelections().isEmpty() ? null
                    : new SelectedRelations(query.relatedSelections(), fields, query.joins(),
                    fields.size() + annotationColumns, handle.alias());
            Function<RowCursor, T> models = related == null ? h::read : c -> {
                T m = h.read(c);
                related.attach((Model) m, c);
                return m;
            };
            if (rowKeys == null) return models;
            int keyColumn = fields.size() + annotationColumns - 1;
            FieldMeta keyOutput = outputs.get(annotationColumns - 1);
            FieldMeta keyReadAs = keyOutput == null ? null : KeyColumns.readAs(keyOutput);
            return c -> {
                T m = models.apply(c);
                rowKeys.read(c, keyColumn, keyReadAs);
                return m;
            };
        }
        List<Expression> exprs = compiler.selectedExpressions();
        List<String> names = query.valueNames();
        int n = exprs.size();
        FieldMeta[] outputs = exprs.stream().map(Expression::outputField).toArray(FieldMeta[]::new);
        Function<RowCursor, Object[]> values = c -> {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) row[i] = value(outputs[i], c, i);
            return row;
        };
        return switch (shape) {
            case "MAPS" -> {
                String[] keys = names.toArray(new String[0]);
                int capacity = (int) (n / 0.75f) + 1; // never rehashed while filled
                yield c -> {
                    Map<String, Object> m = new LinkedHashMap<>(capacity);
                    for (int i = 0; i < n; i++) m.put(keys[i], value(outputs[i], c, i));
                    return (T) m;
                };
            }
            case "LISTS" -> c -> (T) java.util.Collections.unmodifiableList(java.util.Arrays.asList(values.apply(c)));
            case "FLAT" -> c -> (T) values.apply(c)[0];
            case "NAMED" -> c -> (T) RowFactory.row(names, java.util.Arrays.asList(values.apply(c)));
            default -> throw new IllegalStateException(shape);
        };
    }

    /** One column of a values() row: through its output field's kind, or as the driver gives it. */
    private static Object value(FieldMeta output, RowCursor c, int column) {
        return output == null ? c.getObject(column) : StoredValues.read(output, c, column);
    }

    /**
     * The instance with this primary key, through a statement rendered once per model and dialect.
     * Raises DoesNotExist as {@code get()} does.
     */
    public static <M> M getByPrimaryKey(ModelMeta meta, DatabaseHandle handle, Object pkValue) {
        return PrimaryKeyGets.get(meta, handle, pkValue);
    }

    /** The only row; DoesNotExist or MultipleObjectsReturned otherwise. */
    public T getOne() {
        Query q = query;
        if (!q.isSliced()) {
            q = q.copy();
            q.slice(0, (long) MAX_GET_RESULTS);
        }
        List<T> rows = new QueryExecution<T>(meta, q, handle, shape).fetchAll();
        if (rows.isEmpty()) {
            throw new DoesNotExist(meta.javaClass(), meta.modelName() + " matching query does not exist.");
        }
        if (rows.size() > 1) {
            String count = rows.size() == MAX_GET_RESULTS ? "more than " + (MAX_GET_RESULTS - 1) : String.valueOf(rows.size());
            throw new MultipleObjectsReturned("get() returned more than one " + meta.modelName() + " -- it returned "
                    + count + "!");
        }
        return rows.get(0);
    }

    /**
     * The values of {@code aggregate()}: one row, each value read by its expression's output field. A
     * queryset known to be empty ({@code none()}) runs no query: counts are 0, the rest null, as Django.
     */
    public Map<String, Object> aggregate(Map<String, Expression> aggregates) {
        List<String> names = new ArrayList<>(aggregates.keySet());
        FieldMeta[] outputs = aggregates.values().stream().map(Expression::outputField).toArray(FieldMeta[]::new);
        Map<String, Object> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            for (var e : aggregates.entrySet()) {
                out.put(e.getKey(), e.getValue() instanceof io.djorm.core.expressions.Count ? 0L : null);
            }
            return out;
        }
        Statement st = new SqlCompiler(query, dialect()).aggregate(aggregates).toStatement();
        return handle.call(conn -> {
            try (RowCursor c = conn.query(st)) {
                c.next();
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), outputs[i] == null ? c.getObject(i) : StoredValues.read(outputs[i], c, i));
                }
            }
            return out;
        });
    }

    /** COUNT(*). */
    public long count() {
        if (query.isEmpty()) return 0;
        Statement st = new SqlCompiler(query, dialect()).count().toStatement();
        // Not handle.call(lambda): the lambda and the boxed count were the allocations of a count left to drop.
        DatabaseHandle.Binding binding = handle.acquire();
        try (RowCursor c = binding.connection().query(st)) {
            c.next();
            return c.getLong(0);
        } finally {
            handle.release(binding);
        }
    }

    /** Whether any row matches. */
    public boolean exists() {
        if (query.isEmpty()) return false;
        Statement st = new SqlCompiler(query, dialect()).exists().toStatement();
        return handle.call(conn -> {
            try (RowCursor c = conn.query(st)) {
                return c.next();
            }
        });
    }

    /** The query plan, one line per plan row. */
    public String explain() {
        return handle.call(conn -> {
            SqlBuffer select = new SqlCompiler(TopKPlanners.plan(query, conn), dialect()).select();
            Statement st = new Statement(dialect().explainPrefix() + select.text(), select.params());
            StringBuilder sb = new StringBuilder();
            try (RowCursor c = conn.query(st)) {
                int n = c.columns().size();
                while (c.next()) {
                    if (sb.length() > 0) sb.append('\n');
                    for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(c.getObject(i));
                }
            }
            return sb.toString();
        });
    }

    /** Rows in chunks: keyset pages by primary key when unordered, else one held cursor. */
    public CloseableIterator<T> stream(int chunkSize) {
        if (query.isEmpty()) return emptyIterator();
        if (shape.equals("MODELS") && !query.isOrdered() && !query.isSliced()) return new KeysetIterator(chunkSize);
        return new CursorIterator();
    }

    private CloseableIterator<T> emptyIterator() {
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return false; }
            @Override public T next() { throw new NoSuchElementException(); }
            @Override public void close() { }
        };
    }

    /** Pages of {@code WHERE pk > last ORDER BY pk LIMIT n}: flat memory, no connection held between pages. */
    private final class KeysetIterator implements CloseableIterator<T> {
        private final int chunkSize;
        private List<T> page = List.of();
        private int index;
        private Object lastPk;
        private boolean done;

        KeysetIterator(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) return true;
            if (done) return false;
            Query q = query.copy();
            if (lastPk != null) q.addFilter(io.djorm.core.Q.of("pk__gt", lastPk), false);
            q.setOrdering(List.of(new OrderBy(new Col(q.baseAlias(), meta.pk()), false, null)));
            q.slice(0, (long) chunkSize);
            page = new QueryExecution<T>(meta, q, handle, shape).fetchAll();
            index = 0;
            if (page.size() < chunkSize) done = true;
            if (!page.isEmpty()) lastPk = ((Model) page.get(page.size() - 1)).pk();
            return !page.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) throw new NoSuchElementException();
            return page.get(index++);
        }

        @Override
        public void close() {
            done = true;
            page = List.of();
        }
    }

    /** One cursor read row by row on a connection held until the end (or close). */
    private final class CursorIterator implements CloseableIterator<T> {
        private final DatabaseHandle.Binding binding;
        private final RowCursor cursor;
        private final Function<RowCursor, T> reader;
        private Boolean ready;
        private boolean closed;

        CursorIterator() {
            SqlCompiler compiler = new SqlCompiler(query, dialect());
            Statement st = compiler.select().toStatement();
            this.reader = reader(compiler, null);
            this.binding = handle.acquire();
            try {
                this.cursor = binding.connection().query(st);
            } catch (RuntimeException e) {
                handle.release(binding);
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            if (closed) return false;
            if (ready == null) {
                ready = cursor.next();
                if (!ready) close();
            }
            return ready;
        }

        @Override
        public T next() {
            if (!hasNext()) throw new NoSuchElementException();
            ready = null;
            return reader.apply(cursor);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            ready = false;
            cursor.close();
            handle.release(binding);
        }
    }

    // ---- writes -------------------------------------------------------------------------------

    /** One UPDATE; returns rows matched. */
    public static long update(DatabaseHandle handle, Query query, Map<FieldMeta, Expression> assignments) {
        if (query.isEmpty()) return 0;
        Statement st = new SqlCompiler(query, handle.database().dialect()).update(assignments).toStatement();
        DatabaseHandle.Binding binding = handle.acquire(); // as count(): no lambda, no boxed row count
        try {
            return binding.connection().update(st);
        } finally {
            handle.release(binding);
        }
    }

    /**
     * Deletes matching rows: one DELETE when nothing listens or cascades, one unit of DELETEs when the
     * cascade can go by keys, else through the collector.
     */
    public static DeleteResult delete(QuerySet<?> qs, DatabaseHandle handle, Query query) {
        ModelMeta meta = query.model();
        Class<?> cls = meta.javaClass();
        boolean signals = Signals.PRE_DELETE.hasListeners(cls) || Signals.POST_DELETE.hasListeners(cls);
        if (!signals && !Deletion.hasDependents(meta)) {
            if (query.isEmpty()) return DeleteResult.none();
            Statement st = new SqlCompiler(query, handle.database().dialect()).delete().toStatement();
            long n = handle.call(conn -> conn.update(st));
            return new DeleteResult(n, n == 0 ? Map.of() : Map.of(meta.label(), n));
        }
        if (!signals) {
            DeleteResult byKeys = Collector.deleteMatching(handle, query);
            if (byKeys != null) return byKeys;
        }
        @SuppressWarnings("unchecked")
        List<Model> objs = (List<Model>) qs.list();
        if (objs.isEmpty()) return DeleteResult.none();
        return new Collector(handle.alias()).collect(objs).delete();
    }

    /** INSERTs in batches within one unit; fills in primary keys. */
    public static void bulkCreate(DatabaseHandle handle, ModelMeta meta, List<Model> objs, int batchSize) {
        if (objs.isEmpty()) return;
        if (batchSize <= 0) throw new ValueError("batchSize must be positive, got " + batchSize);
        FieldMeta[] stamped = Persistence.stampedFields(meta, true); // looked up once, not per instance
        for (Model m : objs) {
            if (m.getClass() != meta.javaClass()) {
                throw new ValueError("bulkCreate of " + meta.label() + " got a " + m.getClass().getName() + ".");
            }
            Persistence.stamp(m, stamped);
        }
        Dialect d = handle.database().dialect();
        FieldMeta pk = meta.pk();
        // Every instance is of meta's class (checked above): its pk() is this accessor's read.
        List<Model> withPk = new ArrayList<>();
        List<Model> withoutPk = new ArrayList<>(objs.size()); // the usual case: all new, and no copies while it grows
        for (Model m : objs) (pk.accessor().get(m) == null ? withoutPk : withPk).add(m);
        List<Statement> statements = new ArrayList<>();
        List<List<Model>> batches = new ArrayList<>();
        List<Boolean> returning = new ArrayList<>();
        for (List<Model> group : List.of(withPk, withoutPk)) {
            if (group.isEmpty()) continue;
            List<FieldMeta> fields = Persistence.insertFields(meta, group);
            // Moderate statements: the same prepared INSERT is reused batch after batch, and all of them still
            // travel as one unit (one round trip on a remote server).
            int perStatement = Math.max(1, Math.min(Math.min(batchSize, DEFAULT_INSERT_ROWS),
                    d.maxParameters() / Math.max(1, fields.size())));
            boolean wantKeys = group == withoutPk && pk.type().isAutoIncrement();
            for (int i = 0; i < group.size(); i += perStatement) {
                List<Model> batch = group.subList(i, Math.min(group.size(), i + perStatement));
                statements.add(InsertSql.build(d, meta, fields, batch, wantKeys)); // checks every value, in order
                batches.add(batch);
                returning.add(wantKeys);
            }
        }
        List<Rows> results = handle.call(conn -> conn.executeAll(statements));
        for (int b = 0; b < batches.size(); b++) {
            List<Model> batch = batches.get(b);
            if (returning.get(b)) {
                RowCursor c = results.get(b).cursor();
                for (Model m : batch) {
                    if (!c.next()) throw new io.djorm.core.DatabaseError("bulkCreate got fewer new keys than rows.");
                    pk.accessor().set(m, pk.type().read(c, 0, pk));
                }
            }
            for (Model m : batch) ModelInternals.access().saved(m, handle.alias());
        }
    }
}
