package io.djorm.vector;

import io.djorm.sqlite.SqliteExtension;
import io.djorm.vector.internal.VectorFunctionRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/**
 * libSQL's vector SQL functions for plain SQLite files, written in Java: {@code vector(text)} and
 * {@code vector32(x)} (F32 blob), {@code vector64(x)} (F64 blob), {@code vector_extract(blob)} (text
 * such as {@code [1,2.5]}), {@code vector_distance_cos(a, b)} and {@code vector_distance_l2(a, b)}. The
 * blobs they make and read are byte-for-byte those of libSQL and Turso, so a database file moves between
 * them unchanged.
 *
 * <p>djorm installs them on every SQLite connection it opens (this class is listed as a
 * {@link SqliteExtension} service). To use them on a connection of your own, call
 * {@link #register(Connection)}. It also maps the database file into memory on those connections
 * ({@code PRAGMA mmap_size}, up to {@value #MMAP_BYTES} bytes): an exact vector search reads every
 * row's blob, and through SQLite's default 2 MB page cache each scan would otherwise read the whole
 * file again page by page, one system call each.
 */
public final class VectorFunctions implements SqliteExtension {

    /** The service constructor; {@link java.util.ServiceLoader} calls it. */
    public VectorFunctions() {
    }

    /** How much of a database file the connections djorm opens map into memory. */
    public static final long MMAP_BYTES = 1L << 30;

    @Override
    public void initialize(Connection connection) throws SQLException {
        register(connection);
        try (java.sql.Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA mmap_size = " + MMAP_BYTES); // ignored by in-memory databases
        }
    }

    /**
     * Registers the vector functions on a sqlite-jdbc connection (or a wrapper of one).
     *
     * @throws SQLException when the connection is not a sqlite-jdbc connection
     */
    public static void register(Connection connection) throws SQLException {
        if (!(connection instanceof SQLiteConnection) && !connection.isWrapperFor(SQLiteConnection.class)) {
            throw new SQLException("Vector functions can only be added to a sqlite-jdbc connection, not "
                    + connection.getClass().getName() + "; open the database with a jdbc:sqlite: URL.");
        }
        VectorFunctionRegistry.register(connection.unwrap(SQLiteConnection.class));
    }
}
