package io.djorm.core.spi;

import io.djorm.core.SyncResult;

/** A database that is a local replica of a primary and can pull the primary's changes on demand. */
public interface ReplicaDatabase extends Database {
    /** Pulls from the primary now; raises when the pull fails, leaving the last good state in place. */
    SyncResult syncReplica();

    /** How many background pulls have failed since the replica opened (0 without background pulls). */
    long backgroundSyncFailures();

    /**
     * A number that moves whenever the local file's content changes (a pull was applied), or empty when
     * this replica does not count its changes. Two equal answers mean that every local read between them
     * saw the same content, so a layer may keep what it derived from the file (orm-vector keeps decoded
     * vectors) until the number moves.
     */
    default java.util.OptionalLong localFileVersion() {
        return java.util.OptionalLong.empty();
    }
}
