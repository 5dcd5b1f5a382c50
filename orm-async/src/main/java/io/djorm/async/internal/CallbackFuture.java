package io.djorm.async.internal;

import io.djorm.async.AsyncDeadlockError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A future whose {@code ...Async} stages without an executor run on the user-facing callback executor
 * (never on a connection thread), and whose dependent stages inherit that executor.
 *
 * <p>Blocking on it is guarded against the two waits djorm can see would never end: a connection
 * thread waiting for any unfinished djorm future fails at once with {@link AsyncDeadlockError} (the
 * awaited work may be queued behind it), and a callback waiting on its own callback executor runs the
 * queued completions itself while it waits (see {@link CallbackExecutor}).
 *
 * @param <T> the result
 */
public class CallbackFuture<T> extends CompletableFuture<T> {
    private final Executor callbacks;

    /** An incomplete future whose default executor is {@code callbacks}. */
    public CallbackFuture(Executor callbacks) {
        this.callbacks = CallbackExecutor.of(callbacks);
    }

    /** A future already failed with {@code error}. */
    public static <T> CallbackFuture<T> failed(Executor callbacks, Throwable error) {
        CallbackFuture<T> f = new CallbackFuture<>(callbacks);
        f.completeExceptionally(error);
        return f;
    }

    @Override
    public Executor defaultExecutor() {
        return callbacks;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CallbackFuture<>(callbacks);
    }

    @Override
    public T join() {
        if (!isDone()) beforeBlocking(Long.MAX_VALUE);
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) beforeBlocking(Long.MAX_VALUE);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone()) beforeBlocking(System.nanoTime() + unit.toNanos(timeout));
        return super.get(timeout, unit);
    }

    private void beforeBlocking(long deadlineNanos) {
        ConnectionWorker worker = ConnectionWorker.current();
        if (worker != null) {
            throw new AsyncDeadlockError("The async connection thread " + worker.threadName() + " waited (join/get)"
                    + " for another async djorm future. That future's work may be queued behind the waiting work on"
                    + " this very thread, so the wait could never end. Inside Async.supply(...) work, call the sync"
                    + " API directly (it runs on this thread's connection); elsewhere chain the futures with"
                    + " thenCompose instead of joining.");
        }
        if (callbacks instanceof CallbackExecutor lane && lane.runsOnCurrentThread()) {
            try {
                lane.helpUntilDone(this, deadlineNanos);
            } catch (TimeoutException e) {
                // super.get(timeout) reports it with its own deadline, which has passed as well.
            }
        }
    }

    /** Completes on the callback executor, so dependent stages never run on the caller's thread. */
    void completeOnCallbacks(T value, Throwable error) {
        callbacks.execute(() -> settle(value, error));
    }

    /** Completes with the work's own outcome (subclasses tell it apart from completions by others). */
    void settle(T value, Throwable error) {
        if (error != null) super.completeExceptionally(error);
        else super.complete(value);
    }
}
