package io.djorm.async;

import io.djorm.async.internal.CallbackFuture;
import io.djorm.async.internal.ChunkSource;
import io.djorm.async.internal.Failures;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rows of a query read in chunks without loading them whole (Django: {@code async for row in qs}). The
 * next chunk is fetched while the current one is consumed, so at most two chunks are held at once.
 * Calls may be made before earlier ones complete: they are served in order.
 *
 * <pre>{@code
 * try (AsyncIterator<Book> books = Async.of(Book.objects().all()).iterator(500)) {
 *     books.forEachAsync(book -> index(book)).join();
 * }
 * }</pre>
 *
 * Close it (or read it to the end) to give back a connection an ordered query holds.
 *
 * @param <T> the row type
 */
public final class AsyncIterator<T> implements AutoCloseable {
    private final ChunkSource<T> source;
    private final Object lock = new Object();
    private List<T> chunk = List.of();
    private int index;
    private boolean started;
    private boolean closed;
    private CompletableFuture<List<T>> ahead;
    private CompletableFuture<?> tail;
    private long held;
    private long maxHeld;

    AsyncIterator(ChunkSource<T> source) {
        this.source = source;
        CallbackFuture<Void> start = new CallbackFuture<>(source.callbacks());
        start.complete(null);
        this.tail = start;
    }

    /**
     * The next row, or empty after the last one. A row that is itself null (a nullable column read with
     * {@code valuesListFlat}) fails the future with a NullPointerException: read such queries with
     * {@link #nextChunk()} or {@link #forEachAsync}.
     */
    public CompletableFuture<Optional<T>> next() {
        return serially(() -> fill().thenApply(more -> more ? Optional.of(takeOne()) : Optional.empty()));
    }

    /** The rest of the current chunk, or the next one; empty after the last row. */
    public CompletableFuture<List<T>> nextChunk() {
        return serially(() -> fill().thenApply(more -> more ? takeRest() : List.of()));
    }

    /**
     * Runs {@code action} on every remaining row, chunk after chunk, on the callback executor; the
     * future completes after the last row (or with the first exception, of a query or of the action).
     * Closes the iterator either way.
     */
    public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
        CallbackFuture<Void> done = new CallbackFuture<>(source.callbacks());
        pump(action, done);
        done.whenComplete((x, e) -> close());
        return done;
    }

    /** Rows fetched from the database and not handed on yet. */
    public long buffered() {
        synchronized (lock) {
            return held;
        }
    }

    /** The most rows this iterator has held at once so far. */
    public long maxBuffered() {
        synchronized (lock) {
            return maxHeld;
        }
    }

    /** Stops reading and gives back what the query holds; later calls return no rows. Never throws. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            held = 0;
            chunk = List.of();
            ahead = null;
        }
        source.close();
    }

    private <R> CompletableFuture<R> serially(Supplier<CompletableFuture<R>> call) {
        synchronized (lock) {
            CompletableFuture<R> result = tail.handle((x, e) -> null).thenCompose(x -> call.get());
            tail = result;
            return result;
        }
    }

    /** Makes sure the current chunk has a row, fetching as needed; false at the end. */
    private CompletableFuture<Boolean> fill() {
        CompletableFuture<List<T>> pending;
        synchronized (lock) {
            if (closed) return CompletableFuture.completedFuture(false);
            if (index < chunk.size()) return CompletableFuture.completedFuture(true);
            if (!started) {
                started = true;
                ahead = fetch();
            }
            if (ahead == null) return CompletableFuture.completedFuture(false);
            pending = ahead;
        }
        return pending.thenApply(rows -> {
            synchronized (lock) {
                if (closed) return false;
                chunk = rows;
                index = 0;
                ahead = rows.size() < source.chunkSize() ? null : fetch();
                return !rows.isEmpty();
            }
        });
    }

    private CompletableFuture<List<T>> fetch() {
        return source.fetch().thenApply(rows -> {
            synchronized (lock) {
                if (!closed) {
                    held += rows.size();
                    maxHeld = Math.max(maxHeld, held);
                }
            }
            return rows;
        });
    }

    private T takeOne() {
        T row;
        synchronized (lock) {
            row = chunk.get(index++);
            held--;
        }
        if (row == null) {
            throw new NullPointerException("A row of this query is null, which next() cannot return in an Optional; "
                    + "read it with nextChunk() or forEachAsync().");
        }
        return row;
    }

    private List<T> takeRest() {
        synchronized (lock) {
            List<T> rest = Collections.unmodifiableList(chunk.subList(index, chunk.size()));
            held -= rest.size();
            index = chunk.size();
            return rest;
        }
    }

    /** Feeds chunks to the action in a loop, without deepening the stack when chunks are already here. */
    private void pump(Consumer<? super T> action, CallbackFuture<Void> done) {
        while (true) {
            CompletableFuture<List<T>> next = nextChunk();
            if (!next.isDone()) {
                next.whenComplete((rows, error) -> {
                    if (deliver(rows, error, action, done)) pump(action, done);
                });
                return;
            }
            List<T> rows = null;
            Throwable error = null;
            try {
                rows = next.join();
            } catch (CompletionException | CancellationException e) {
                error = e;
            }
            if (!deliver(rows, error, action, done)) return;
        }
    }

    private static <T> boolean deliver(List<T> rows, Throwable error, Consumer<? super T> action,
                                       CallbackFuture<Void> done) {
        if (error != null) {
            done.completeExceptionally(Failures.unwrap(error));
            return false;
        }
        if (rows.isEmpty()) {
            done.complete(null);
            return false;
        }
        try {
            rows.forEach(action);
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            return false;
        }
        return true;
    }
}
