package io.djorm.libsql.internal.replica;

/**
 * The points of a pull's write path, in order. A {@link FaultInjector} can stop the engine at each one
 * to prove that a crash there leaves the old state or the new one, never a mix. Before
 * {@link #REDO_COMMIT_WRITTEN} a crash keeps the old state; from it on, the next open rolls forward.
 */
public enum ApplyStep {
    /** The pulled pages are in the redo file; its commit record is not. */
    REDO_PAGES_WRITTEN,
    /** The redo file's commit record is written but not yet fsync'd. */
    REDO_COMMIT_WRITTEN,
    /** The redo file is durable; the database file is untouched. */
    REDO_SYNCED,
    /** The first page has been written into the database file. */
    DATABASE_PAGE_WRITTEN,
    /** Every page is written and the file has its new length, not yet fsync'd. */
    DATABASE_PAGES_WRITTEN,
    /** The database file is durable; the metadata still names the old revision. */
    DATABASE_SYNCED,
    /** The metadata names the new revision; the redo file still exists. */
    METADATA_SAVED,
    /** The redo file is gone: the pull is complete. */
    REDO_DELETED
}
