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
        if (!isDone()) waitWithoutTimeout();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) waitWithoutTimeout();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!isDone()) beforeBlocking(deadline);
        return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void waitWithoutTimeout() {
        try {
            beforeBlocking(Long.MAX_VALUE);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException("a wait without a deadline timed out", impossible);
        }
    }

    /**
     * Refuses a wait that could never end, and lets a callback thread run the completions it waits for;
     * raises TimeoutException when the deadline passes while it does so.
     */
    private void beforeBlocking(long deadlineNanos) throws TimeoutException {
        ConnectionWorker worker = ConnectionWorker.current();
        if (worker != null) {
            throw new AsyncDeadlockError("The async connection thread " + worker.threadName() + " waited (join/get)"
                    + " for another async djorm future. That future's work may be queued behind the waiting work on"
                    + " this very thread, so the wait could never end. Inside Async.supply(...) work, call the sync"
                    + " API directly (it runs on this thread's connection); elsewhere chain the futures with"
                    + " thenCompose instead of joining.");
        }
        if (callbacks instanceof CallbackExecutor lane && lane.runsOnCurrentThread()) {
            lane.helpUntilDone(this, deadlineNanos);
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
