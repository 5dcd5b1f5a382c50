package io.djorm.libsql.internal.replica;

/**
 * The first message of a pull-updates response.
 *
 * @param serverRevision the revision the pages bring the replica to
 * @param dbSizePages the database's size at that revision, in pages
 */
public record PullHeader(String serverRevision, long dbSizePages) {
}
