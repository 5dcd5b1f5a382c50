package io.djorm.async.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One unit of work queued on a {@link ConnectionWorker}. Exactly one of run, cancel and fail wins,
 * so the work runs at most once and the worker's load is counted down exactly once.
 */
final class Task<T> implements Runnable {
    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int DROPPED = 2;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final Supplier<T> work;
    private final ConnectionWorker owner;
    private final TaskFuture<T> future;

    Task(Supplier<T> work, ConnectionWorker owner) {
        this.work = work;
        this.owner = owner;
        this.future = new TaskFuture<>(owner.callbacks(), this);
    }

    TaskFuture<T> future() {
        return future;
    }

    @Override
    public void run() {
        if (!state.compareAndSet(QUEUED, STARTED)) return;
        T value;
        try {
            value = work.get();
        } catch (Throwable e) {
            owner.workEnded();
            if (!future.isDone()) future.completeOnCallbacks(null, e);
            owner.finished(); // after queueing the completion, so the exit drain never sees a gap
            return;
        }
        owner.workEnded(); // before the result is visible: the caller's next submission may pick this worker
        if (!future.isDone()) future.completeOnCallbacks(value, null);
        owner.finished();
    }

    /** Fails the task without running it, if it has not started. */
    void fail(Throwable reason) {
        if (!state.compareAndSet(QUEUED, DROPPED)) return;
        owner.workEnded();
        future.completeOnCallbacks(null, reason);
        owner.finished();
    }

    /** Someone else completed the future: the work is no longer wanted, queued or running. */
    void abandon() {
        if (!tryCancel()) interruptIfRunning();
    }

    /** Stops the task's running statement; nothing when it has not started or has ended. */
    void interruptIfRunning() {
        if (state.get() == STARTED) owner.interrupt(this);
    }

    /** Takes the task out of its queue if it has not started; false once its statement runs. */
    boolean tryCancel() {
        if (!state.compareAndSet(QUEUED, DROPPED)) return false;
        owner.forget(this);
        return true;
    }
}
