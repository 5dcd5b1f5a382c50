package io.djorm.async.internal;

import io.djorm.core.OperationalError;
import io.djorm.core.TransactionManagementError;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.TransactionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One thread that owns one connection of an alias for its whole life and runs queued work on it, in
 * order. The sync ORM API called on this thread uses that connection, because the core binds a
 * connection to the thread that acquired it.
 *
 * <p>The connection is taken when the first task arrives (so workers that never get work hold none)
 * and given back only when the worker stops, or replaced when it breaks. The one exception is a
 * database that allows a single connection (a private in-memory SQLite database): there the worker
 * borrows the only connection while it has work and gives it back when its queue runs dry, since
 * keeping it would starve every other thread.
 */
public final class ConnectionWorker implements TaskTarget {
    private static final Runnable STOP = () -> { };
    private static final ThreadLocal<ConnectionWorker> CURRENT = new ThreadLocal<>();
    private static final int INTERRUPT_REPEATS = 200;
    private static final Executor INTERRUPT_AGAIN = CompletableFuture.delayedExecutor(50,
            java.util.concurrent.TimeUnit.MILLISECONDS);
    private final DatabaseHandle handle;
    private final Executor callbacks;
    private final boolean guardAtomicBlocks;
    private final Runnable onExit;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    // Two counts, because a task's work ends before its future is completed on the callback executor:
    // routing must see the worker free as soon as a caller can see the result (else the caller's next
    // submissions pile onto this worker), while the exit drain must not see a gap before the completion.
    private final AtomicInteger busy = new AtomicInteger(); // queued + running work
    private final AtomicInteger load = new AtomicInteger(); // queued + running + completion not yet handed over
    private final Thread thread;
    private final Object lifecycle = new Object();
    private final boolean pinned;
    private volatile RuntimeException stopReason;
    private volatile DatabaseHandle.Binding binding; // written by the worker thread only
    private Task<?> running; // guarded by lifecycle

    /**
     * Starts a worker on an alias.
     *
     * @param guardAtomicBlocks whether a task that leaves an atomic block open is rolled back and failed
     *                          (true for shared workers; a transaction's own worker keeps its block open)
     * @param onExit            runs on the worker thread when it ends, before its connection goes back
     */
    public ConnectionWorker(DatabaseHandle handle, Executor callbacks, String threadName, boolean guardAtomicBlocks,
                            Runnable onExit) {
        this.handle = handle;
        this.callbacks = callbacks;
        this.guardAtomicBlocks = guardAtomicBlocks;
        this.onExit = onExit;
        this.pinned = handle.database().maxConnections() > 1;
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
        // Fail queued work the moment the alias closes, not at the next idle check.
        handle.onClose(() -> stop(closedError(), false));
    }

    @Override
    public String alias() {
        return handle.alias();
    }

    @Override
    public Executor callbacks() {
        return callbacks;
    }

    @Override
    public TaskTarget pinned() {
        return this;
    }

    /** Queued plus running tasks, and tasks whose result is not yet handed to the callback executor. */
    public int load() {
        return load.get();
    }

    /** Queued plus running tasks: what routing compares, free again before the caller sees the result. */
    public int busy() {
        return busy.get();
    }

    /** Whether the worker no longer accepts work. */
    public boolean isStopped() {
        return stopReason != null;
    }

    @Override
    public <R> CompletableFuture<R> submit(Supplier<R> work) {
        Task<R> task = new Task<>(guardAtomicBlocks ? guarded(work) : work, this);
        synchronized (lifecycle) {
            RuntimeException refused = stopReason;
            if (refused != null) return CallbackFuture.failed(callbacks, refused);
            load.incrementAndGet();
            busy.incrementAndGet();
            queue.add(task);
        }
        return task.future();
    }

    /**
     * Stops accepting work. With {@code drain} the queued tasks still run before the thread ends;
     * without it they fail with {@code reason} and never reach the database. Never waits.
     *
     * @return how many queued tasks failed without running
     */
    public int stop(RuntimeException reason, boolean drain) {
        List<Runnable> dropped = new ArrayList<>();
        synchronized (lifecycle) {
            if (stopReason != null) return 0;
            stopReason = reason;
            if (!drain) queue.drainTo(dropped);
            queue.add(STOP);
        }
        for (Runnable r : dropped) ((Task<?>) r).fail(reason);
        return dropped.size();
    }

    /** Whether a task is running right now. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return running != null;
        }
    }

    /** Waits for the thread to end (after {@link #stop}); false when it is still busy after the timeout. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        if (Thread.currentThread() == thread) return false;
        thread.join(millis);
        return !thread.isAlive();
    }

    /** The task's work ended (or it will never run); its result is not yet handed over. */
    void workEnded() {
        busy.decrementAndGet();
    }

    /** The task's result was handed to the callback executor. */
    void finished() {
        load.decrementAndGet();
    }

    void forget(Task<?> task) {
        queue.remove(task);
        workEnded();
        finished();
    }

    /** The worker whose thread is the current one, or null on any other thread. */
    static ConnectionWorker current() {
        return CURRENT.get();
    }

    /** The name of the worker's thread. */
    public String threadName() {
        return thread.getName();
    }

    private void loop() {
        CURRENT.set(this);
        try {
            while (true) {
                Runnable next = queue.poll();
                if (next == null) {
                    if (!pinned) releaseConnection();
                    next = queue.take();
                }
                if (next == STOP) break;
                runOne((Task<?>) next);
            }
        } catch (InterruptedException e) {
            stop(new OperationalError("The async worker thread " + thread.getName() + " was interrupted; the statement "
                    + "was not sent. Retry it."), false);
        } finally {
            try {
                onExit.run();
            } finally {
                releaseConnection();
            }
        }
    }

    private void runOne(Task<?> task) {
        if (handle.isClosed()) {
            OperationalError closed = closedError();
            task.fail(closed);
            stop(closed, false);
            return;
        }
        try {
            if (binding != null && !binding.connection().isUsable()) releaseConnection(); // broken: take a new one
            if (binding == null) binding = handle.acquire();
        } catch (RuntimeException noConnection) {
            task.fail(noConnection);
            return;
        }
        synchronized (lifecycle) {
            running = task;
        }
        try {
            task.run();
        } finally {
            synchronized (lifecycle) {
                running = null;
            }
        }
    }

    /**
     * Stops the statement {@code task} is running, if it is the running task: the connection's cancel
     * interrupts it (SQLite) or abandons its HTTP call (libSQL server), and the statement fails.
     * Holding the lifecycle lock keeps the next task from starting meanwhile, so only this task is hit.
     * Repeated every 50 ms (for up to 10 s) while the task still runs, since a cancel that arrives
     * between two statements has nothing to stop.
     */
    void interrupt(Task<?> task) {
        interrupt(task, INTERRUPT_REPEATS);
    }

    private void interrupt(Task<?> task, int repeats) {
        synchronized (lifecycle) {
            DatabaseHandle.Binding b = binding;
            if (running != task || b == null) return;
            b.connection().cancel();
        }
        // A cancel that lands between two statements of the task stops nothing: ask again until it ends.
        if (repeats > 0) INTERRUPT_AGAIN.execute(() -> interrupt(task, repeats - 1));
    }

    private void releaseConnection() {
        if (binding == null) return;
        DatabaseHandle.Binding held = binding;
        binding = null;
        try {
            handle.release(held);
        } catch (RuntimeException ignored) {
            // Giving back a broken connection fails only when its rollback fails; the pool discards it.
        }
    }

    private <R> Supplier<R> guarded(Supplier<R> work) {
        return () -> {
            R result = work.get();
            DatabaseHandle.Binding b = handle.current();
            if (b != null && b.transaction().active()) {
                discardOpenAtomicBlocks(b);
                throw new TransactionManagementError("Async work on alias '" + alias() + "' left an atomic block open; "
                        + "it was rolled back. Close blocks inside the work (Transaction.atomic(...)), or use "
                        + "Async.atomic(...) for a transaction that spans several async steps.");
            }
            return result;
        };
    }

    /** Rolls back what a task left open and drops the references its blocks held, as Atomic.close would. */
    private void discardOpenAtomicBlocks(DatabaseHandle.Binding b) {
        TransactionState state = b.transaction();
        try {
            if (b.connection().inTransaction()) b.connection().rollback();
        } catch (RuntimeException ignored) {
            // A connection that cannot roll back is replaced by the pool when it is given back.
        }
        while (state.active()) {
            state.leave(false);
            handle.release(b);
        }
    }

    private OperationalError closedError() {
        return new OperationalError("The database alias '" + alias() + "' was closed (Djorm.shutdown() or a new "
                + "Djorm.configure()) before this async statement ran; it was not sent. Configure djorm again and retry.");
    }
}
