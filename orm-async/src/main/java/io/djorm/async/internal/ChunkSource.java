package io.djorm.async.internal;

import io.djorm.core.CloseableIterator;
import io.djorm.core.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a queryset chunk by chunk on one pinned worker, through the core's streaming iterator (keyset
 * pages for unordered model queries, one cursor otherwise). The core iterator lives on the worker
 * thread because a held cursor is bound to the thread that opened it.
 *
 * @param <T> the row type
 */
public final class ChunkSource<T> {
    private final QuerySet<T> queryset;
    private final int chunkSize;
    private final Targets targets;
    private TaskTarget target; // guarded by this
    private CloseableIterator<T> rows; // worker thread only
    private boolean exhausted; // worker thread only

    /** A source over {@code queryset} that hands out {@code chunkSize} rows per fetch. */
    public ChunkSource(QuerySet<T> queryset, int chunkSize, Targets targets) {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunkSize must be positive, got " + chunkSize + ".");
        this.queryset = queryset;
        this.chunkSize = chunkSize;
        this.targets = targets;
    }

    /** Rows per chunk. */
    public int chunkSize() {
        return chunkSize;
    }

    /** The executor fetches complete on. */
    public java.util.concurrent.Executor callbacks() {
        return targets.callbacks(queryset.db());
    }

    /** The next chunk: {@code chunkSize} rows, fewer at the end, empty once every row was read. */
    public CompletableFuture<List<T>> fetch() {
        TaskTarget t;
        try {
            t = target();
        } catch (RuntimeException e) {
            return CallbackFuture.failed(callbacks(), e);
        }
        return t.submit(this::readChunk);
    }

    /** Closes the core iterator (giving back a held cursor's connection); safe to call more than once. */
    public CompletableFuture<Void> close() {
        TaskTarget t;
        synchronized (this) {
            t = target;
        }
        if (t == null) return CompletableFuture.completedFuture(null);
        return t.submit(() -> {
            finish();
            return null;
        });
    }

    private synchronized TaskTarget target() {
        if (target == null) target = targets.forAlias(queryset.db()).pinned();
        return target;
    }

    private List<T> readChunk() {
        if (exhausted) return List.of();
        try {
            if (rows == null) rows = queryset.all().iterator(chunkSize);
            List<T> out = new ArrayList<>(chunkSize);
            while (out.size() < chunkSize && rows.hasNext()) out.add(rows.next());
            if (out.size() < chunkSize) finish();
            return out;
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
    }

    private void finish() {
        exhausted = true;
        if (rows != null) rows.close();
        rows = null;
    }
}
