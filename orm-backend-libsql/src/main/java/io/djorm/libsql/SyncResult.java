package io.djorm.libsql;

import java.time.Duration;

/**
 * What one pull of an embedded replica brought in.
 *
 * @param newRevision the primary's revision the local file now mirrors
 * @param pagesReceived how many database pages the primary sent (0 when nothing had changed)
 * @param bytesReceived the size of the primary's response body, in bytes
 * @param duration how long the pull took, from request to applied file
 */
public record SyncResult(String newRevision, long pagesReceived, long bytesReceived, Duration duration) {
}
