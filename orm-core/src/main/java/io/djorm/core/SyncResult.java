package io.djorm.core;

import java.time.Duration;

/**
 * What one replica sync did.
 *
 * @param revision the primary's revision the replica now holds
 * @param pagesReceived how many database pages were pulled
 * @param bytesReceived how many bytes the pull moved over the network
 * @param duration how long the sync took
 */
public record SyncResult(String revision, long pagesReceived, long bytesReceived, Duration duration) {
}
