package io.djorm.libsql.internal.replica;

/** Constants of the page format shared by the primary and the replica file. */
final class ReplicaFormat {
    /** The primary's page size; the sync protocol only ever carries pages of this size. */
    static final int PAGE_SIZE = 4096;

    private ReplicaFormat() {
    }

    /** The byte offset of a 0-based page. */
    static long offsetOf(long pageId) {
        return Math.multiplyExact(pageId, (long) PAGE_SIZE);
    }
}
