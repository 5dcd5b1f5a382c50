package io.djorm.async.internal;

import io.djorm.core.internal.DatabaseHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The async workers of one alias, threads named {@code djorm-async-<alias>-<n>}: each submission goes
 * to the least busy worker (the lowest-numbered among equals, so light load keeps to few connections),
 * and independent futures run in parallel, each on its worker's own pinned connection.
 */
public final class WorkerPool implements TaskTarget {
    private final DatabaseHandle handle;
    private final Executor callbacks;
    private final List<ConnectionWorker> workers;

    /** Starts {@code size} workers on an alias. */
    public WorkerPool(DatabaseHandle handle, int size, Executor callbacks) {
        this.handle = handle;
        this.callbacks = callbacks;
        List<ConnectionWorker> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new ConnectionWorker(handle, callbacks, "djorm-async-" + handle.alias() + "-" + (i + 1), true,
                    () -> { }));
        }
        this.workers = List.copyOf(list);
    }

    /** The core handle these workers take connections from. */
    public DatabaseHandle handle() {
        return handle;
    }

    @Override
    public String alias() {
        return handle.alias();
    }

    @Override
    public Executor callbacks() {
        return callbacks;
    }

    /** How many workers (and so connections under load) the pool has. */
    public int size() {
        return workers.size();
    }

    /** Whether the pool stopped, by request or because its alias was closed. */
    public boolean isStopped() {
        for (ConnectionWorker w : workers) if (w.isStopped()) return true;
        return false;
    }

    @Override
    public <R> CompletableFuture<R> submit(Supplier<R> work) {
        return leastBusy().submit(work);
    }

    @Override
    public TaskTarget pinned() {
        return leastBusy();
    }

    private ConnectionWorker leastBusy() {
        ConnectionWorker best = workers.get(0);
        int bestLoad = best.busy();
        for (int i = 1; i < workers.size() && bestLoad > 0; i++) {
            ConnectionWorker w = workers.get(i);
            int l = w.busy();
            if (l < bestLoad) {
                best = w;
                bestLoad = l;
            }
        }
        return best;
    }

    /** Stops every worker; see {@link ConnectionWorker#stop}. Returns how many queued tasks failed unrun. */
    public int stop(RuntimeException reason, boolean drain) {
        int dropped = 0;
        for (ConnectionWorker w : workers) dropped += w.stop(reason, drain);
        return dropped;
    }

    /** Whether no worker has work queued or running. */
    public boolean isIdle() {
        for (ConnectionWorker w : workers) if (w.load() > 0) return false;
        return true;
    }

    /** Whether some worker is in the middle of a task. */
    public boolean isRunning() {
        for (ConnectionWorker w : workers) if (w.isRunning()) return true;
        return false;
    }

    /** Waits for every worker thread to end; false when one is still busy at the deadline. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        boolean all = true;
        for (ConnectionWorker w : workers) {
            all &= w.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return all;
    }
}
