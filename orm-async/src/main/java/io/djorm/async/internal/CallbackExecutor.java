package io.djorm.async.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * The user's callback executor as djorm's futures see it. Completions and async stages wait in a queue
 * of their own, and the user's executor is asked to run them one by one. A callback that blocks on
 * another djorm future ({@code join()}, {@code get()}) takes completions from that queue and runs them
 * itself while it waits: with a one-thread executor, the completion it waits for could otherwise only
 * run on the very thread it blocks.
 */
public final class CallbackExecutor implements Executor {
    private static final ThreadLocal<Queue<Runnable>> RUNNING = new ThreadLocal<>();
    private static final long IDLE_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private final Executor user;
    private final Queue<Runnable> pending;
    private final java.util.concurrent.atomic.AtomicInteger active;
    private final UnaryOperator<Runnable> around;

    private CallbackExecutor(Executor user, Queue<Runnable> pending, java.util.concurrent.atomic.AtomicInteger active,
                             UnaryOperator<Runnable> around) {
        this.user = user;
        this.pending = pending;
        this.active = active;
        this.around = around;
    }

    /** Wraps a user executor (an existing wrapper is returned as it is). */
    public static CallbackExecutor of(Executor user) {
        if (user instanceof CallbackExecutor c) return c;
        return new CallbackExecutor(user, new ConcurrentLinkedQueue<>(), new java.util.concurrent.atomic.AtomicInteger(),
                UnaryOperator.identity());
    }

    /**
     * A view on the same queue whose callbacks run inside {@code around} (an async transaction marks
     * the threads running its callbacks this way).
     */
    CallbackExecutor around(UnaryOperator<Runnable> wrapper) {
        return new CallbackExecutor(user, pending, active, r -> wrapper.apply(around.apply(r)));
    }

    /** The executor the user configured. */
    public Executor user() {
        return user;
    }

    @Override
    public void execute(Runnable command) {
        pending.add(around.apply(command));
        try {
            user.execute(this::runOne);
        } catch (RuntimeException rejected) {
            // The user's executor refused (it was shut down): running here beats never running.
            runOne();
        }
    }

    private void runOne() {
        active.incrementAndGet(); // before the poll, so a callback is never out of both counts
        try {
            Runnable next = pending.poll();
            if (next != null) runMarked(next);
        } finally {
            active.decrementAndGet();
        }
    }

    /** Whether no callback is queued or running (the exit drain waits for this). */
    boolean isQuiet() {
        return active.get() == 0 && pending.isEmpty();
    }

    private void runMarked(Runnable r) {
        Queue<Runnable> previous = RUNNING.get();
        RUNNING.set(pending);
        try {
            r.run();
        } finally {
            if (previous == null) RUNNING.remove();
            else RUNNING.set(previous);
        }
    }

    /** Whether the current thread is running one of this executor's callbacks. */
    boolean runsOnCurrentThread() {
        return RUNNING.get() == pending;
    }

    /**
     * Runs queued callbacks on the current thread until {@code future} is done, or until the deadline
     * ({@link System#nanoTime()}; {@code Long.MAX_VALUE} for none) passes.
     */
    void helpUntilDone(java.util.concurrent.Future<?> future, long deadlineNanos) throws TimeoutException {
        while (!future.isDone()) {
            Runnable next = pending.poll();
            if (next != null) {
                runMarked(next);
                continue;
            }
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) throw new TimeoutException();
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
    }
}
