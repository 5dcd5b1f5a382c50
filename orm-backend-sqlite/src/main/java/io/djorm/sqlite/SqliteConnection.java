package io.djorm.sqlite;

import io.djorm.core.DataError;
import io.djorm.core.TransactionManagementError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A djorm connection over one sqlite-jdbc connection. Keeps JDBC in autocommit mode and drives
 * transactions with SQL ({@code BEGIN IMMEDIATE} by default, so that two writers queue on the busy
 * timeout instead of deadlocking on a lock upgrade). Prepared statements are cached per SQL text.
 */
public final class SqliteConnection implements Connection {
    private static final int STATEMENT_CACHE_SIZE = 64;
    /** Strings (chars) and blobs (bytes) longer than this are unbound when their statement goes back to the cache. */
    private static final int LARGE_VALUE = 4096;
    private final java.sql.Connection jdbc;
    private final String beginSql;
    private final Map<String, CachedStatement> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
            if (size() > STATEMENT_CACHE_SIZE && !eldest.getValue().inUse) {
                closeQuietly(eldest.getValue().statement);
                return true;
            }
            return false;
        }
    };
    /** INSERT text to the same INSERT returning its key: saves building that string on every save(). */
    private final Map<String, Returning> returning = new java.util.HashMap<>();
    private boolean inTransaction;
    private boolean broken;
    /** The key the last {@link #insertReturning} read. */
    private long lastKey;

    /** An INSERT with its RETURNING clause, and the one column of its result. */
    private record Returning(String sql, List<String> columns) {
    }

    /** Not static: the rows it returns tell it (and through it this connection) when they are done. */
    private final class CachedStatement implements JdbcRowCursor.Source {
        final String sql;
        final PreparedStatement statement;
        final boolean pooled;
        /** The number of '?' placeholders, read once: the driver's metadata object is not free to ask. */
        final int parameterCount;
        boolean inUse;
        boolean evicted;
        /** Whether a value bound since the last clear is large enough that the cache must not keep it. */
        boolean holdsLarge;

        CachedStatement(String sql, PreparedStatement statement, boolean pooled) throws SQLException {
            this.sql = sql;
            this.statement = statement;
            this.pooled = pooled;
            this.parameterCount = statement.getParameterMetaData().getParameterCount();
        }

        @Override
        public void finished() {
            release(this);
        }

        @Override
        public void failed() {
            discard(this);
        }
    }

    /** Wraps an open JDBC connection; {@code transactionMode} is DEFERRED, IMMEDIATE or EXCLUSIVE. */
    public SqliteConnection(java.sql.Connection jdbc, String transactionMode) {
        this.jdbc = jdbc;
        this.beginSql = "BEGIN " + transactionMode;
    }

    /** The underlying JDBC connection, for extensions. */
    public java.sql.Connection jdbc() {
        return jdbc;
    }

    @Override
    public RowCursor query(Statement statement) {
        CachedStatement cached = prepare(statement.sql());
        try {
            bind(cached, statement);
            ResultSet rs = cached.statement.executeQuery();
            cached.inUse = true;
            return new JdbcRowCursor(rs, statement.sql(), cached);
        } catch (SQLException e) {
            discard(cached);
            throw fail(e, statement.sql());
        }
    }

    @Override
    public long update(Statement statement) {
        CachedStatement cached = prepare(statement.sql());
        try {
            bind(cached, statement);
            cached.inUse = true;
            long changed = cached.statement.executeLargeUpdate();
            release(cached);
            return changed;
        } catch (SQLException e) {
            discard(cached);
            throw fail(e, statement.sql());
        }
    }

    @Override
    public List<Rows> executeAll(List<Statement> statements) {
        // One statement is atomic by itself: a unit of its own would make every raw read take the write lock.
        boolean own = !inTransaction && statements.size() > 1;
        if (own) begin();
        try {
            List<Rows> results = new ArrayList<>(statements.size());
            for (Statement s : statements) results.add(run(s));
            if (own) commit();
            return results;
        } catch (RuntimeException e) {
            if (own) rollbackQuietly();
            throw e;
        }
    }

    /** One prepared statement rebound per run: no parsing, no statement lookup, no result object per run. */
    @Override
    public boolean batchesCheaply() {
        return true;
    }

    /**
     * The rows as one JDBC batch: sqlite-jdbc then steps the statement once per row in one call, where a
     * separate execution per row would also try a {@code BEGIN} after every row to see whether a
     * transaction is open (its autocommit emulation).
     */
    @Override
    public long[] executeBatch(String sql, List<List<Object>> paramRows) {
        if (paramRows.isEmpty()) return new long[0];
        boolean own = !inTransaction && paramRows.size() > 1;
        if (own) begin();
        try {
            long[] changed;
            CachedStatement cached = prepare(sql);
            try {
                cached.inUse = true;
                for (List<Object> params : paramRows) {
                    bind(cached, sql, params);
                    cached.statement.addBatch();
                }
                changed = cached.statement.executeLargeBatch();
                release(cached);
            } catch (SQLException e) {
                discard(cached);
                throw fail(e, sql);
            } catch (RuntimeException e) {
                discard(cached); // rows added before a refused one must not stay queued on the cached statement
                throw e;
            }
            if (own) commit();
            return changed;
        } catch (RuntimeException e) {
            if (own) rollbackQuietly();
            throw e;
        }
    }

    /** SQLite gains nothing from holding writes back: run at once, without a unit of its own. */
    @Override
    public void enqueue(Statement statement, java.util.function.Consumer<Rows> onResult) {
        onResult.accept(run(statement));
    }

    /**
     * {@code INSERT ... RETURNING key} through the cached statement, reading the one integer key by index:
     * the generic path of {@link #run} would ask the driver for column metadata on every insert.
     */
    @Override
    public void enqueueInsert(Statement insert, String keyColumn, java.util.function.Consumer<Rows> onKey) {
        Returning r = returning(insert, keyColumn);
        List<Object[]> rows = insertReturning(r.sql(), insert.params())
                ? java.util.Collections.singletonList(new Object[] {lastKey}) : List.of();
        onKey.accept(new Rows(r.columns(), rows, rows.size()));
    }

    /** The same statement, handing over the key as it is read: no result object per inserted row. */
    @Override
    public void enqueueKeyedInsert(Statement insert, String keyColumn, java.util.function.LongConsumer onKey) {
        String sql = returning(insert, keyColumn).sql();
        if (!insertReturning(sql, insert.params())) {
            throw new io.djorm.core.DatabaseError("The INSERT returned no primary key. [SQL: " + sql + "]");
        }
        onKey.accept(lastKey);
    }

    /** The same, handing the key to the caller's setter with its target: no callback made per insert. */
    @Override
    public <T> void enqueueKeyedInsert(Statement insert, String keyColumn, T target,
                                       java.util.function.ObjLongConsumer<? super T> setKey) {
        String sql = returning(insert, keyColumn).sql();
        if (!insertReturning(sql, insert.params())) {
            throw new io.djorm.core.DatabaseError("The INSERT returned no primary key. [SQL: " + sql + "]");
        }
        setKey.accept(target, lastKey);
    }

    /** The INSERT with its RETURNING clause. The INSERT names its table, so its text alone decides the key column. */
    private Returning returning(Statement insert, String keyColumn) {
        Returning r = returning.get(insert.sql());
        if (r == null) {
            if (returning.size() >= STATEMENT_CACHE_SIZE) returning.clear();
            r = new Returning(insert.sql() + " RETURNING " + keyColumn, List.of(keyColumn));
            returning.put(insert.sql(), r);
        }
        return r;
    }

    /**
     * Runs an {@code INSERT ... RETURNING key} and leaves its key in {@link #lastKey}; false when it
     * returned no row. Keeping the key in a field spares boxing it on the SQLite path.
     */
    private boolean insertReturning(String sql, List<Object> params) {
        CachedStatement cached = prepare(sql);
        boolean found;
        try {
            bind(cached, sql, params);
            cached.inUse = true;
            try (ResultSet rs = cached.statement.executeQuery()) {
                found = rs.next();
                if (found) lastKey = rs.getLong(1);
            }
            release(cached);
        } catch (SQLException e) {
            discard(cached);
            throw fail(e, sql);
        }
        return found;
    }

    private Rows run(Statement s) {
        CachedStatement cached = prepare(s.sql());
        try {
            bind(cached, s);
            cached.inUse = true;
            Rows result;
            if (cached.statement.execute()) {
                try (ResultSet rs = cached.statement.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    List<String> columns = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) columns.add(rs.getMetaData().getColumnLabel(i));
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) row[i] = canonical(rs.getObject(i + 1));
                        rows.add(row);
                    }
                    result = new Rows(columns, rows, rows.size());
                }
            } else {
                result = Rows.changed(cached.statement.getLargeUpdateCount());
            }
            release(cached);
            return result;
        } catch (SQLException e) {
            discard(cached);
            throw fail(e, s.sql());
        }
    }

    private static Object canonical(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Float f) return f.doubleValue();
        return v;
    }

    @Override
    public void begin() {
        if (inTransaction) {
            throw new TransactionManagementError("A transaction is already open on this connection; "
                    + "use a savepoint (a nested atomic block) instead.");
        }
        execPrepared(beginSql);
        inTransaction = true;
    }

    @Override
    public void commit() {
        requireTransaction("commit");
        try {
            execPrepared("COMMIT");
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public void rollback() {
        requireTransaction("roll back");
        try {
            execPrepared("ROLLBACK");
        } finally {
            inTransaction = false;
        }
    }

    private void rollbackQuietly() {
        try {
            if (inTransaction) rollback();
        } catch (RuntimeException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    @Override
    public void savepoint(String name) {
        exec("SAVEPOINT \"" + name + "\"");
    }

    @Override
    public void releaseSavepoint(String name) {
        exec("RELEASE SAVEPOINT \"" + name + "\"");
    }

    @Override
    public void rollbackToSavepoint(String name) {
        exec("ROLLBACK TO SAVEPOINT \"" + name + "\"");
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public boolean isUsable() {
        return !broken;
    }

    /** Interrupts the running statement (sqlite3_interrupt); it fails with SQLITE_INTERRUPT. */
    @Override
    public void cancel() {
        try {
            if (jdbc instanceof org.sqlite.SQLiteConnection sqlite) sqlite.getDatabase().interrupt();
        } catch (SQLException ignored) {
            // a closed connection runs nothing that could be interrupted
        }
    }

    @Override
    public void close() {
        for (CachedStatement c : cache.values()) closeQuietly(c.statement);
        cache.clear();
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // nothing useful to do when closing fails
        }
    }

    private void requireTransaction(String what) {
        if (!inTransaction) {
            throw new TransactionManagementError("Cannot " + what + ": no transaction is open on this connection.");
        }
    }

    private void exec(String sql) {
        try (java.sql.Statement st = jdbc.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw fail(e, sql);
        }
    }

    /** A fixed statement (BEGIN, COMMIT, ROLLBACK) through the statement cache: parsed once per connection. */
    private void execPrepared(String sql) {
        CachedStatement cached = prepare(sql);
        try {
            cached.inUse = true;
            cached.statement.execute();
            release(cached);
        } catch (SQLException e) {
            discard(cached);
            throw fail(e, sql);
        }
    }

    private CachedStatement prepare(String sql) {
        CachedStatement cached = cache.get(sql);
        if (cached != null && !cached.inUse) return cached;
        try {
            PreparedStatement ps = jdbc.prepareStatement(sql);
            // A statement still streaming rows stays where it is; its twin is not cached.
            CachedStatement fresh;
            try {
                fresh = new CachedStatement(sql, ps, cached == null);
            } catch (SQLException e) {
                closeQuietly(ps);
                throw e;
            }
            if (fresh.pooled) cache.put(sql, fresh);
            return fresh;
        } catch (SQLException e) {
            throw fail(e, sql);
        }
    }

    private void release(CachedStatement cached) {
        cached.inUse = false;
        if (cached.evicted) return;
        if (!cached.pooled) closeQuietly(cached.statement);
        else if (cached.holdsLarge) {
            // Small values stay bound until the next run overwrites every one (bind checks the count): clearing
            // costs a call into the driver per statement. A large string or blob is not kept alive by the cache.
            cached.holdsLarge = false;
            try {
                cached.statement.clearParameters();
            } catch (SQLException ignored) {
                // the next bind overwrites every parameter anyway
            }
        }
    }

    /**
     * Drops a statement whose run failed or was interrupted: sqlite-jdbc can leave it half-reset (a later
     * run answers "statement is not executing"), so it is closed and never handed out again.
     */
    private void discard(CachedStatement cached) {
        cached.inUse = false;
        cached.evicted = true; // a later release() must not touch the closed statement
        if (cached.pooled) cache.remove(cached.sql, cached);
        closeQuietly(cached.statement);
    }

    private void bind(CachedStatement cached, Statement statement) throws SQLException {
        bind(cached, statement.sql(), statement.params());
    }

    private void bind(CachedStatement cached, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = cached.statement;
        int expected = cached.parameterCount;
        if (expected != params.size()) {
            // sqlite-jdbc would bind missing ones as NULL and fail on extra ones with an index error.
            release(cached);
            throw new DataError("The statement has " + expected + " parameter placeholder(s) but " + params.size()
                    + " value(s) were given; pass exactly one value per '?'. [SQL: "
                    + SqliteErrors.shorten(sql) + "]");
        }
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            int idx = i + 1;
            // sqlite-jdbc keeps each bound value as an object until the statement runs: a Long or Double passed
            // as it is saves the driver boxing the unboxed value again.
            if (v == null) ps.setNull(idx, java.sql.Types.NULL);
            else if (v instanceof Long || v instanceof Double) ps.setObject(idx, v);
            else if (v instanceof String s) {
                ps.setString(idx, s);
                if (s.length() > LARGE_VALUE) cached.holdsLarge = true;
            } else if (v instanceof byte[] b) {
                ps.setBytes(idx, b);
                if (b.length > LARGE_VALUE) cached.holdsLarge = true;
            } else if (v instanceof Integer n) ps.setLong(idx, n);
            else if (v instanceof Boolean b) ps.setLong(idx, b ? 1 : 0);
            else if (v instanceof Number n) ps.setDouble(idx, n.doubleValue());
            else ps.setString(idx, v.toString());
        }
    }

    private RuntimeException fail(SQLException e, String sql) {
        if (e.getMessage() != null && e.getMessage().contains("database connection closed")) broken = true;
        return SqliteErrors.translate(e, sql);
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // closing a statement cannot lose data
        }
    }
}
