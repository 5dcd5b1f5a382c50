package io.djorm.async.internal;

import java.util.concurrent.Executor;

/**
 * The future of a queued {@link Task}. Cancelling it before its statement starts removes the task
 * from its worker's queue. Once the statement runs, {@code cancel(true)} and any completion by someone
 * else than the task ({@code orTimeout}, {@code completeOnTimeout}, {@code completeExceptionally})
 * stop it: the connection interrupts the statement (SQLite) or abandons its HTTP call (libSQL server).
 * {@code cancel(false)} leaves a running statement alone and returns false.
 */
final class TaskFuture<T> extends CallbackFuture<T> {
    private final Task<T> task;

    TaskFuture(Executor callbacks, Task<T> task) {
        super(callbacks);
        this.task = task;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) return false;
        if (task.tryCancel()) return super.cancel(mayInterruptIfRunning);
        if (!mayInterruptIfRunning || !super.cancel(true)) return false;
        task.interruptIfRunning();
        return true;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (!super.completeExceptionally(ex)) return false;
        task.abandon();
        return true;
    }

    @Override
    public boolean complete(T value) {
        if (!super.complete(value)) return false;
        task.abandon();
        return true;
    }
}
