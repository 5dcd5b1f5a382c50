package io.djorm.sqlite;

import java.sql.SQLException;

/**
 * Adds SQL functions (or other per-connection setup) to every SQLite connection djorm opens, on the
 * sqlite backend and libSQL's local and replica modes. Found through {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/io.djorm.sqlite.SqliteExtension}. orm-vector uses it to
 * give plain SQLite files libSQL's vector functions.
 */
public interface SqliteExtension {
    /** Called once on each new connection before any statement runs. */
    void initialize(java.sql.Connection connection) throws SQLException;
}
