package io.djorm.libsql;

import io.djorm.core.SyncResult;

/**
 * An embedded replica: a local file that mirrors a primary server. Reads are served from the file;
 * writes go to the primary and are pulled back.
 */
public interface ReplicaSync {

    /**
     * Pulls the primary's changes into the local file now, all or nothing.
     *
     * @return what the pull brought in
     * @throws io.djorm.core.OperationalError when the primary cannot be reached or answers nonsense;
     *         the file keeps its last synced state
     * @throws io.djorm.core.AuthenticationError when the primary refuses {@code AUTH_TOKEN}
     */
    SyncResult syncReplica();

    /** How many background syncs ({@code OPTIONS.SYNC_INTERVAL}) have failed since the replica opened. */
    long backgroundSyncFailures();
}
