package io.djorm.core;

import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.spi.ReplicaDatabase;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.SchemaEditor;
import io.djorm.core.spi.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The database of one alias, for work below the ORM (Django: {@code connections[alias]}): raw SQL,
 * schema editing, replica syncs. Statements use the calling thread's connection (the one of its open
 * atomic block, if any).
 */
public final class DatabaseConnection {
    private final DatabaseHandle handle;

    DatabaseConnection(DatabaseHandle handle) {
        this.handle = handle;
    }

    /** The alias. */
    public String alias() {
        return handle.alias();
    }

    /** The dialect's name ({@code "sqlite"}, {@code "libsql"}). */
    public String vendor() {
        return handle.database().dialect().name();
    }

    /** Runs a statement that returns rows; parameters are bound, never spliced into the SQL. */
    public Rows query(String sql, Object... params) {
        io.djorm.core.internal.RawSql.checkParameters("query()", sql, Arrays.asList(params));
        Statement st = new Statement(sql, Arrays.asList(params));
        return handle.call(c -> c.executeAll(List.of(st)).get(0));
    }

    /** Runs a statement that changes rows and returns how many it changed. */
    public long execute(String sql, Object... params) {
        io.djorm.core.internal.RawSql.checkParameters("execute()", sql, Arrays.asList(params));
        Statement st = new Statement(sql, Arrays.asList(params));
        return handle.call(c -> c.update(st));
    }

    /** Runs work with a schema editor on this thread's connection (DDL for tests and migrations). */
    public <T> T withSchemaEditor(Function<SchemaEditor, T> work) {
        return handle.call(c -> work.apply(handle.database().dialect().schemaEditor(c, Djorm.apps())));
    }

    /**
     * Creates the tables of the given models that do not exist yet, in order (foreign keys first), with
     * their indexes and automatic many-to-many tables (Django: {@code migrate --run-syncdb}). Whatever
     * exists is left as it is, so a program that calls this at every start runs again on the same
     * database; a table that exists but differs from its model is not changed (use migrations for that).
     */
    public void createTables(Class<?>... models) {
        withSchemaEditor(editor -> {
            for (Class<?> m : models) editor.createModelIfMissing(Djorm.apps().register(m));
            return null;
        });
    }

    /** Whether the current thread is inside an atomic block on this alias. */
    public boolean inAtomicBlock() {
        DatabaseHandle.Binding b = handle.current();
        return b != null && b.transaction().active();
    }

    /**
     * Pulls the primary's changes into this embedded replica now (Django-libsql: {@code sync_replica()}).
     * Raises {@link NotSupportedError} on a database that is not a replica.
     */
    public SyncResult syncReplica() {
        if (handle.database() instanceof ReplicaDatabase replica) return replica.syncReplica();
        throw notAReplica("nothing to sync");
    }

    /**
     * How many background pulls ({@code OPTIONS.SYNC_INTERVAL}) of this embedded replica have failed since
     * it opened; a failed background pull is logged and retried at the next interval, never thrown, so this
     * is how a program notices a replica that has stopped following its primary. Raises
     * {@link NotSupportedError} on a database that is not a replica.
     */
    public long backgroundSyncFailures() {
        if (handle.database() instanceof ReplicaDatabase replica) return replica.backgroundSyncFailures();
        throw notAReplica("no background syncs");
    }

    private NotSupportedError notAReplica(String consequence) {
        return new NotSupportedError("The alias '" + alias() + "' (" + handle.database().describe()
                + ") is not an embedded replica, so it has " + consequence + ". A replica has ENGINE libsql, NAME a "
                + "local file and SYNC_URL the primary.");
    }

    /** A description without secrets. */
    @Override
    public String toString() {
        return "DatabaseConnection[" + alias() + ": " + handle.database().describe() + "]";
    }
}
