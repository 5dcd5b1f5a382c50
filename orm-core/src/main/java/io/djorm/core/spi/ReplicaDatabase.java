package io.djorm.core.spi;

import io.djorm.core.SyncResult;

/** A database that is a local replica of a primary and can pull the primary's changes on demand. */
public interface ReplicaDatabase extends Database {
    /** Pulls from the primary now; raises when the pull fails, leaving the last good state in place. */
    SyncResult syncReplica();

    /** How many background pulls have failed since the replica opened (0 without background pulls). */
    long backgroundSyncFailures();
}
