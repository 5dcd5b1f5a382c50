package io.djorm.libsql.internal.replica;

import io.djorm.core.OperationalError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteConnection;
import io.djorm.sqlite.SqliteDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connection's reads on the replica file. Each read runs under the file's read lock and is read
 * to the end before the lock is released, so a pull never lands in the middle of it. A SQLite
 * connection opened before a pull would keep serving its cached pages, so the reader reopens its
 * connection whenever the file's generation has moved.
 */
final class LocalReader implements AutoCloseable {
    private static final int MAX_REMEMBERED_STATEMENTS = 256;
    private final ReplicaFile file;
    private final SqliteDatabase sqlite;
    private volatile SqliteConnection connection; // read by cancel() from other threads
    private long openedAtGeneration = -1;
    /**
     * Column names by statement text, as last read on this connection: SQLite's driver answers them with
     * a native call per column on every read, which costs a get by key more than its row. Only a pull
     * can change the schema, and a pull makes the reader reopen, which clears them.
     */
    private final Map<String, List<String>> columnsBySql = new HashMap<>();

    LocalReader(ReplicaFile file, SqliteDatabase sqlite) {
        this.file = file;
        this.sqlite = sqlite;
    }

    /**
     * Runs a read on the file and returns all its rows, or empty when the file holds no pages yet (an
     * empty primary): SQLite would then create a database of its own, so the caller asks the primary.
     */
    Optional<Rows> read(Statement statement) {
        return readAll(List.of(statement)).map(results -> results.get(0));
    }

    /**
     * Runs several reads on the file under one read lock (so they see one state), or empty when the
     * file holds no pages yet.
     */
    Optional<List<Rows>> readAll(List<Statement> statements) {
        try (ReplicaFile.ReadGuard guard = file.readLock()) {
            if (!file.hasPages()) return Optional.empty();
            if (connection == null || openedAtGeneration != file.generation()) reopen();
            List<Rows> results = new ArrayList<>(statements.size());
            for (Statement statement : statements) {
                try (RowCursor cursor = connection.query(statement)) {
                    results.add(readAll(cursor, columns(statement.sql(), cursor)));
                }
            }
            return Optional.of(results);
        }
    }

    private void reopen() {
        close();
        java.sql.Connection jdbc = sqlite.openJdbc();
        try (java.sql.Statement pragma = jdbc.createStatement()) {
            // Belt and braces: only pulls may write the file.
            pragma.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            closeQuietly(jdbc);
            throw new OperationalError("Could not prepare a reader on the replica file "
                    + file.databasePath() + ": " + e.getMessage(), e);
        }
        connection = new SqliteConnection(jdbc, "DEFERRED");
        columnsBySql.clear();
        openedAtGeneration = file.generation();
    }

    private List<String> columns(String sql, RowCursor cursor) {
        List<String> columns = columnsBySql.get(sql);
        if (columns == null) {
            if (columnsBySql.size() >= MAX_REMEMBERED_STATEMENTS) columnsBySql.clear();
            columns = cursor.columns();
            columnsBySql.put(sql, columns);
        }
        return columns;
    }

    private static Rows readAll(RowCursor cursor, List<String> columns) {
        List<Object[]> rows = new ArrayList<>();
        while (cursor.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) row[i] = cursor.getObject(i);
            rows.add(row);
        }
        return new Rows(columns, rows, 0);
    }

    /** Interrupts a read running on the file, from another thread. */
    void cancel() {
        SqliteConnection c = connection;
        if (c != null) c.cancel();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static void closeQuietly(java.sql.Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException e) {
            // already failing; the original error is reported
        }
    }
}
