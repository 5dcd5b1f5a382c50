package io.djorm.core;

import java.util.Iterator;

/**
 * An iterator over query results that may hold a database connection until it is exhausted or closed.
 * Use it in try-with-resources when you may stop early.
 *
 * @param <T> the row type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    /** Releases the connection and cursor; never throws. */
    @Override
    void close();
}
