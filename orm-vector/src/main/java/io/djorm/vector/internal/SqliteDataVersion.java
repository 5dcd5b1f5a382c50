package io.djorm.vector.internal;

import io.djorm.sqlite.SqliteDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A SQLite file's version, read on a connection of its own that never writes and never holds a
 * transaction. SQLite's {@code PRAGMA data_version} changes whenever any other connection (djorm's
 * pooled ones, another program's) commits to the file, and only then: so for this private connection it
 * moves on every commit by anyone, which makes it one number that all the alias's connections can
 * compare. (On a pooled connection it would miss that connection's own commits, and numbers from two
 * connections would mean nothing to each other.)
 */
final class SqliteDataVersion implements DataVersion {
    private final SqliteDatabase database;
    private Connection connection;
    private PreparedStatement pragma;
    private boolean closed;
    /**
     * How often the private connection was opened: part of every version, because a reopened connection
     * numbers its {@code data_version} afresh and could repeat a number the old one gave.
     */
    private long opened;

    SqliteDataVersion(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public synchronized OptionalLong current() {
        if (closed) return OptionalLong.empty();
        try {
            if (pragma == null) {
                connection = database.openJdbc();
                pragma = connection.prepareStatement("PRAGMA data_version");
                opened++;
            }
            try (ResultSet rs = pragma.executeQuery()) {
                // data_version is a 32-bit counter.
                return rs.next() ? OptionalLong.of((opened << 32) | (rs.getLong(1) & 0xffff_ffffL)) : OptionalLong.empty();
            }
        } catch (SQLException | RuntimeException e) {
            // A busy or vanished file: the search scans instead of trusting kept rows.
            closeQuietly();
            return OptionalLong.empty();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException ignored) {
            // nothing was written on this connection
        }
        connection = null;
        pragma = null;
    }
}
