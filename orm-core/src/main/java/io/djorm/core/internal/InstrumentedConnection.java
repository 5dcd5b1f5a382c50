package io.djorm.core.internal;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every statement passes: logs it (logger {@code io.djorm.sql}, DEBUG) and reports it
 * to active query captures. Wraps the backend's connection.
 */
public final class InstrumentedConnection implements Connection {
    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.djorm.sql");
    private final Connection delegate;
    private final String alias;

    /** Wraps a backend connection of an alias. */
    public InstrumentedConnection(Connection delegate, String alias) {
        this.delegate = delegate;
        this.alias = alias;
    }

    /** The backend's own connection. */
    public Connection delegate() {
        return delegate;
    }

    /** A start time marking a statement nobody watched when it began. */
    private static final long UNTIMED = Long.MIN_VALUE;

    /**
     * The start time of a statement, read only when the SQL log or a query capture will report it: a clock
     * read costs tens of nanoseconds on some virtual machines, twice per statement.
     */
    private static long start() {
        return SQL_LOG.isDebugEnabled() || QueryCaptures.isActive() ? System.nanoTime() : UNTIMED;
    }

    private void record(String sql, List<Object> params, long startNanos) {
        boolean logged = SQL_LOG.isDebugEnabled();
        if (!logged && !QueryCaptures.isActive()) return;
        long micros = startNanos == UNTIMED ? 0 : (System.nanoTime() - startNanos) / 1000;
        if (logged) SQL_LOG.debug("({} µs, {}) {} {}", micros, alias, sql, Redaction.params(params));
        QueryCaptures.record(alias, sql, params, micros);
    }

    @Override
    public RowCursor query(Statement statement) {
        BoundValues.check(statement);
        long t = start();
        try {
            return delegate.query(statement);
        } finally {
            record(statement.sql(), statement.params(), t);
        }
    }

    @Override
    public long update(Statement statement) {
        BoundValues.check(statement);
        long t = start();
        try {
            return delegate.update(statement);
        } finally {
            record(statement.sql(), statement.params(), t);
        }
    }

    @Override
    public List<Rows> executeAll(List<Statement> statements) {
        BoundValues.checkAll(statements);
        long t = start();
        try {
            return delegate.executeAll(statements);
        } finally {
            for (Statement s : statements) record(s.sql(), s.params(), t);
        }
    }

    @Override
    public boolean batchesCheaply() {
        return delegate.batchesCheaply();
    }

    /** Checked and captured as one entry whose parameters are every run's, in order (Django: executemany). */
    @Override
    public long[] executeBatch(String sql, List<List<Object>> paramRows) {
        for (List<Object> params : paramRows) BoundValues.check(sql, params);
        long t = start();
        try {
            return delegate.executeBatch(sql, paramRows);
        } finally {
            if (SQL_LOG.isDebugEnabled() || QueryCaptures.isActive()) {
                List<Object> all = new java.util.ArrayList<>();
                for (List<Object> params : paramRows) all.addAll(params);
                record(sql, all, t);
            }
        }
    }

    @Override
    public void enqueue(Statement statement, Consumer<Rows> onResult) {
        BoundValues.check(statement);
        long t = start();
        try {
            delegate.enqueue(statement, onResult);
        } finally {
            record(statement.sql(), statement.params(), t);
        }
    }

    @Override
    public void enqueueInsert(Statement insert, String keyColumn, Consumer<Rows> onKey) {
        BoundValues.check(insert);
        long t = start();
        try {
            delegate.enqueueInsert(insert, keyColumn, onKey);
        } finally {
            record(insert.sql(), insert.params(), t);
        }
    }

    @Override
    public void enqueueKeyedInsert(Statement insert, String keyColumn, java.util.function.LongConsumer onKey) {
        BoundValues.check(insert);
        long t = start();
        try {
            delegate.enqueueKeyedInsert(insert, keyColumn, onKey);
        } finally {
            record(insert.sql(), insert.params(), t);
        }
    }

    /** Every save of a new object comes this way (fifty an atomic block): unwatched, it costs one look, no clock. */
    @Override
    public <T> void enqueueKeyedInsert(Statement insert, String keyColumn, T target,
                                       java.util.function.ObjLongConsumer<? super T> setKey) {
        BoundValues.check(insert);
        if (!SQL_LOG.isDebugEnabled() && !QueryCaptures.isActive()) {
            delegate.enqueueKeyedInsert(insert, keyColumn, target, setKey);
            return;
        }
        long t = System.nanoTime();
        try {
            delegate.enqueueKeyedInsert(insert, keyColumn, target, setKey);
        } finally {
            record(insert.sql(), insert.params(), t);
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void begin() {
        long t = start();
        delegate.begin();
        record("BEGIN", List.of(), t);
    }

    @Override
    public void commit() {
        long t = start();
        delegate.commit();
        record("COMMIT", List.of(), t);
    }

    @Override
    public void rollback() {
        long t = start();
        delegate.rollback();
        record("ROLLBACK", List.of(), t);
    }

    @Override
    public void savepoint(String name) {
        delegate.savepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        delegate.releaseSavepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        delegate.rollbackToSavepoint(name);
    }

    @Override
    public boolean inTransaction() {
        return delegate.inTransaction();
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public boolean isUsable() {
        return delegate.isUsable();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
