package io.djorm.async.internal;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final ThreadMark<Lane> RUNNING = new ThreadMark<>();
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private final Executor user;
    private final Lane lane;
    private final UnaryOperator<Runnable> around;

    /** What the views of one user executor share. */
    private static final class Lane {
        final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        final AtomicInteger active = new AtomicInteger();
        final Set<Thread> helpers = ConcurrentHashMap.newKeySet();
    }

    private CallbackExecutor(Executor user, Lane lane, UnaryOperator<Runnable> around) {
        this.user = user;
        this.lane = lane;
        this.around = around;
    }

    /** Wraps a user executor (an existing wrapper is returned as it is). */
    public static CallbackExecutor of(Executor user) {
        if (user instanceof CallbackExecutor c) return c;
        return new CallbackExecutor(user, new Lane(), UnaryOperator.identity());
    }

    /**
     * A view on the same queue whose callbacks run inside {@code wrapper} (an async transaction marks
     * the threads running its callbacks this way).
     */
    CallbackExecutor around(UnaryOperator<Runnable> wrapper) {
        return new CallbackExecutor(user, lane, r -> wrapper.apply(around.apply(r)));
    }

    /** The executor the user configured. */
    public Executor user() {
        return user;
    }

    @Override
    public void execute(Runnable command) {
        lane.pending.add(around.apply(command));
        for (Thread helper : lane.helpers) LockSupport.unpark(helper);
        try {
            user.execute(this::runOne);
        } catch (RuntimeException rejected) {
            // The user's executor refused (it was shut down): running here beats never running.
            runOne();
        }
    }

    private void runOne() {
        lane.active.incrementAndGet(); // before the poll, so a callback is never out of both counts
        try {
            Runnable next = lane.pending.poll();
            if (next != null) runMarked(next);
        } finally {
            lane.active.decrementAndGet();
        }
    }

    /** Whether no callback is queued or running (the exit drain waits for this). */
    boolean isQuiet() {
        return lane.active.get() == 0 && lane.pending.isEmpty();
    }

    private void runMarked(Runnable r) {
        RUNNING.runWith(lane, r);
    }

    /** Whether the current thread is running one of this executor's callbacks. */
    boolean runsOnCurrentThread() {
        return RUNNING.get() == lane;
    }

    /**
     * Runs queued callbacks on the current thread until {@code future} is done, or until the deadline
     * ({@link System#nanoTime()}; {@code Long.MAX_VALUE} for none) passes. Sleeps while the queue is
     * empty; a new callback or the future's completion wakes it.
     */
    void helpUntilDone(CompletableFuture<?> future, long deadlineNanos) throws TimeoutException {
        Thread me = Thread.currentThread();
        lane.helpers.add(me);
        future.whenComplete((value, error) -> LockSupport.unpark(me));
        try {
            while (!future.isDone()) {
                Runnable next = lane.pending.poll();
                if (next != null) {
                    runMarked(next);
                    continue;
                }
                long wait = MAX_PARK_NANOS;
                if (deadlineNanos != Long.MAX_VALUE) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) throw new TimeoutException();
                    wait = Math.min(wait, left);
                }
                LockSupport.parkNanos(this, wait);
            }
        } finally {
            lane.helpers.remove(me);
        }
    }
}
