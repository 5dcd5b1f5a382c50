package io.djorm.async.internal;

import java.util.concurrent.Executor;

/**
 * The future of a queued {@link Task}. Cancelling it before its statement starts removes the task
 * from its worker's queue; once the statement runs it cannot be taken back, so {@code cancel} then
 * returns false and the future completes normally.
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
        if (!task.tryCancel()) return false;
        return super.cancel(mayInterruptIfRunning);
    }
}
