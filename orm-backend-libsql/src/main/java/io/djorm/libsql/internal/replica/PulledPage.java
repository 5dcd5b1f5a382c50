package io.djorm.libsql.internal.replica;

/**
 * One database page in its newest version.
 *
 * @param pageId the 0-based page number; the page lives at {@code pageId * PAGE_SIZE} in the file
 * @param bytes exactly {@link ReplicaFormat#PAGE_SIZE} bytes
 */
public record PulledPage(long pageId, byte[] bytes) {
}
