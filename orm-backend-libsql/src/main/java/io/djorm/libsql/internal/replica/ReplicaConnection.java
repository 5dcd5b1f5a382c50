package io.djorm.libsql.internal.replica;

import io.djorm.core.DatabaseError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.ReplicaSync;
import io.djorm.core.SyncResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to an embedded replica. Plain reads outside a transaction are answered from the local
 * file; every write, every batch and everything inside a transaction goes to the primary. After a
 * write commits, the connection pulls, so it reads its own writes from the file.
 */
final class ReplicaConnection implements Connection, ReplicaSync {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaConnection.class);
    private final ReplicaDatabase database;
    private final Connection primary;
    private final LocalReader local;
    /** Writes were handed to {@link #enqueue} and are not yet sent, or sent but not yet pulled back. */
    private boolean unsynced;
    /**
     * The last statement text routed to the file. Statements rendered once and reused (a get by primary
     * key) come back as the same string, so routing them again costs one comparison instead of a scan.
     */
    private String lastLocalRead;

    ReplicaConnection(ReplicaDatabase database, Connection primary, LocalReader local) {
        this.database = database;
        this.primary = primary;
        this.local = local;
    }

    @Override
    public RowCursor query(Statement statement) {
        if (!primary.inTransaction() && isLocalRead(statement.sql())) {
            catchUpOwnWrites();
            Optional<Rows> rows = local.read(statement);
            if (rows.isPresent()) return rows.get().cursor();
        }
        RowCursor rows = primary.query(statement);
        afterPrimaryCall();
        return rows;
    }

    @Override
    public long update(Statement statement) {
        long changed = primary.update(statement);
        afterPrimaryCall();
        return changed;
    }

    /** Reads outside a transaction (raw SQL through {@code Djorm.connection(alias).query}) are local too. */
    @Override
    public List<Rows> executeAll(List<Statement> statements) {
        if (!statements.isEmpty() && !primary.inTransaction()
                && statements.stream().allMatch(s -> isLocalRead(s.sql()))) {
            catchUpOwnWrites();
            Optional<List<Rows>> rows = local.readAll(statements);
            if (rows.isPresent()) return rows.get();
        }
        List<Rows> results = primary.executeAll(statements);
        afterPrimaryCall();
        return results;
    }

    @Override
    public void enqueue(Statement statement, Consumer<Rows> onResult) {
        primary.enqueue(statement, onResult);
        afterPrimaryCall(); // outside a transaction it ran at once: pull it in, as after any write
    }

    @Override
    public void enqueueInsert(Statement insert, String keyColumn, Consumer<Rows> onKey) {
        primary.enqueueInsert(insert, keyColumn, onKey);
        afterPrimaryCall();
    }

    /** The primary's own keyed insert: held with its target and setter there, no callback made per insert. */
    @Override
    public <T> void enqueueKeyedInsert(Statement insert, String keyColumn, T target,
                                       java.util.function.ObjLongConsumer<? super T> setKey) {
        primary.enqueueKeyedInsert(insert, keyColumn, target, setKey);
        afterPrimaryCall();
    }

    @Override
    public void flush() {
        primary.flush();
        afterPrimaryCall();
    }

    @Override
    public void begin() {
        primary.begin();
    }

    @Override
    public void commit() {
        primary.commit();
        unsynced = true;
        pullOwnWrites();
    }

    @Override
    public void rollback() {
        primary.rollback();
    }

    @Override
    public void savepoint(String name) {
        primary.savepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        primary.releaseSavepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        primary.rollbackToSavepoint(name);
    }

    @Override
    public boolean inTransaction() {
        return primary.inTransaction();
    }

    @Override
    public boolean isUsable() {
        return primary.isUsable();
    }

    @Override
    public void cancel() {
        primary.cancel();
        local.cancel();
    }

    /** Pulls the primary's changes into the shared replica file now. */
    @Override
    public SyncResult syncReplica() {
        return database.syncReplica();
    }

    @Override
    public long backgroundSyncFailures() {
        return database.backgroundSyncFailures();
    }

    @Override
    public void close() {
        local.close();
        primary.close();
    }

    private boolean isLocalRead(String sql) {
        if (sql == lastLocalRead) return true; // the very same text was classified before: a pure function of it
        boolean local = ReadRoute.isLocalRead(sql);
        if (local) lastLocalRead = sql;
        return local;
    }

    /** Outside a transaction, whatever reached the primary is committed: pull it back. */
    private void afterPrimaryCall() {
        unsynced = true;
        if (!primary.inTransaction()) pullOwnWrites();
    }

    /**
     * Before a local read: send held-back writes, then pull them in. A failed pull leaves the writes
     * marked unsynced, so every later read tries again until one pull succeeds (read-your-writes); in the
     * meantime reads serve the last synced state.
     */
    private void catchUpOwnWrites() {
        if (!unsynced) return;
        primary.flush();
        pullOwnWrites();
    }

    /**
     * Pulls after this connection's writes. The writes are committed on the primary whatever happens
     * here, so a failed pull does not fail the write: it is logged, and the next local read tries again
     * (and, if the primary stays down, reads the last synced state).
     */
    private void pullOwnWrites() {
        try {
            database.syncReplica();
            unsynced = false;
        } catch (DatabaseError e) {
            LOG.warn("A write reached the primary but the replica could not pull it back yet; reads on this "
                    + "connection may not show it until the next successful sync: {}", e.getMessage());
        }
    }
}
