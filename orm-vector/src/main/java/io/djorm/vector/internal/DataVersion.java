package io.djorm.vector.internal;

import io.djorm.core.spi.Database;
import io.djorm.core.spi.ReplicaDatabase;
import io.djorm.sqlite.SqliteDatabase;
import java.util.OptionalLong;

/**
 * A number for the committed content of one database that reads outside a transaction see, the same
 * for every connection of the alias: while it stays the same, nothing was committed. Empty when it
 * cannot be known, in which case nothing may be kept between searches.
 */
public interface DataVersion extends AutoCloseable {
    /** The current version, or empty when it cannot be read. */
    OptionalLong current();

    /** Releases what the version reads from; never throws. */
    @Override
    void close();

    /**
     * The version source of a database: a SQLite file's {@code PRAGMA data_version} on a connection of
     * its own, or an embedded replica's file generation; empty for anything else (a server, a private
     * in-memory database).
     */
    static java.util.Optional<DataVersion> of(Database database) {
        if (database instanceof SqliteDatabase sqlite && !sqlite.isMemory()) {
            return java.util.Optional.of(new SqliteDataVersion(sqlite));
        }
        if (database instanceof ReplicaDatabase replica && replica.localFileVersion().isPresent()) {
            DataVersion generation = (Stateless) replica::localFileVersion;
            return java.util.Optional.of(generation);
        }
        return java.util.Optional.empty();
    }

    /** The default close does nothing. */
    interface Stateless extends DataVersion {
        @Override
        default void close() {
        }
    }
}
