package io.djorm.async.internal;

import io.djorm.async.AsyncOptions;
import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.OperationalError;
import io.djorm.core.internal.DatabaseHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide async state: one {@link WorkerPool} per alias, created on first use and replaced
 * when djorm is configured again, plus the workers of open async transactions.
 */
public final class AsyncRuntime implements Targets {
    /** The single runtime. */
    public static final AsyncRuntime INSTANCE = new AsyncRuntime();
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;
    private final Map<String, WorkerPool> pools = new ConcurrentHashMap<>();
    private final Map<String, AsyncOptions> options = new ConcurrentHashMap<>();
    private final Map<String, CallbackExecutor> lanes = new ConcurrentHashMap<>();
    private final CallbackExecutor defaultLane = CallbackExecutor.of(AsyncOptions.defaults().callbackExecutor());
    private final ExitDrain exitDrain = new ExitDrain(this);
    private final Set<ConnectionWorker> transactionWorkers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger transactionCounter = new AtomicInteger();

    private AsyncRuntime() {
    }

    @Override
    public CallbackExecutor callbacks(String alias) {
        if (alias == null) return defaultLane;
        return lanes.computeIfAbsent(alias, a -> CallbackExecutor.of(options(a).callbackExecutor()));
    }

    /** The options of an alias. */
    public AsyncOptions options(String alias) {
        return options.getOrDefault(alias, AsyncOptions.defaults());
    }

    /** The worker pool of an alias, started (or restarted after a new Djorm.configure) on demand. */
    @Override
    public WorkerPool forAlias(String alias) {
        TransactionChain.refuseInsideOpenBlock(alias, "Async.of(...) and Async.supply(...)", "tx.of(...) or tx.supply(...)");
        DatabaseHandle handle = Djorm.handle(alias);
        WorkerPool pool = pools.get(alias);
        if (pool != null && pool.handle() == handle && !pool.isStopped()) return pool;
        return pools.compute(alias, (a, existing) -> {
            if (existing != null && existing.handle() == handle && !existing.isStopped()) return existing;
            if (existing != null) existing.stop(replacedError(alias), false);
            return newPool(handle);
        });
    }

    private WorkerPool newPool(DatabaseHandle handle) {
        AsyncOptions o = options(handle.alias());
        int max = handle.database().maxConnections();
        int size = o.workers() > 0 ? o.workers() : Math.max(1, Math.min(AsyncOptions.DEFAULT_MAX_WORKERS, max - 1));
        if (size > max) {
            throw new ImproperlyConfigured("Async workers for alias '" + handle.alias() + "' are " + size + ", but the "
                    + "alias allows only " + max + " connections. Lower AsyncOptions.workers or raise OPTIONS.pool_size.");
        }
        exitDrain.install();
        return new WorkerPool(handle, size, callbacks(handle.alias()));
    }

    /** The running pools, with the options of their aliases. */
    Map<WorkerPool, AsyncOptions> runningPools() {
        Map<WorkerPool, AsyncOptions> out = new java.util.LinkedHashMap<>();
        for (WorkerPool p : pools.values()) out.put(p, options(p.alias()));
        return out;
    }

    /** The workers of open async transactions. */
    List<ConnectionWorker> transactionWorkers() {
        return new ArrayList<>(transactionWorkers);
    }

    /** Whether no callback of any alias is queued or running. */
    boolean callbacksQuiet() {
        if (!defaultLane.isQuiet()) return false;
        for (CallbackExecutor lane : lanes.values()) if (!lane.isQuiet()) return false;
        return true;
    }

    /**
     * Sets an alias's options. A running pool of that alias finishes its queued work on its old
     * workers, and new work goes to a pool built with the new options.
     */
    public void configure(String alias, AsyncOptions newOptions) {
        options.put(alias, newOptions);
        lanes.remove(alias);
        WorkerPool old = pools.remove(alias);
        if (old != null) old.stop(replacedError(alias), true);
    }

    /**
     * Starts a dedicated worker for one async transaction; it stops when the transaction ends. Its
     * futures complete inside {@code markCallbacks}, which tells the callbacks of the transaction apart.
     */
    public ConnectionWorker transactionWorker(String alias, java.util.function.UnaryOperator<Runnable> markCallbacks,
                                              Runnable onExit) {
        TransactionChain.refuseInsideOpenBlock(alias, "Async.atomic(...)", "tx.atomic(...) for a nested block");
        DatabaseHandle handle = Djorm.handle(alias);
        exitDrain.install();
        ConnectionWorker[] self = new ConnectionWorker[1];
        ConnectionWorker worker = new ConnectionWorker(handle, callbacks(alias).around(markCallbacks),
                "djorm-async-tx-" + alias + "-" + transactionCounter.incrementAndGet(), false, () -> {
                    try {
                        onExit.run();
                    } finally {
                        transactionWorkers.remove(self[0]);
                    }
                });
        self[0] = worker;
        transactionWorkers.add(worker);
        return worker;
    }

    /**
     * Stops every worker: queued statements fail with an OperationalError and never run; statements
     * already running finish (waiting up to 10 s in all); open async transactions roll back. Later
     * async calls start fresh workers.
     */
    public void shutdown() {
        OperationalError reason = new OperationalError("djorm async was shut down (Async.shutdown()) before this "
                + "statement ran; it was not sent to the database. Submit it again once djorm is running.");
        List<ConnectionWorker> txs = new ArrayList<>(transactionWorkers);
        List<WorkerPool> stopped = new ArrayList<>(pools.values());
        pools.clear();
        for (WorkerPool p : stopped) p.stop(reason, false);
        for (ConnectionWorker w : txs) w.stop(reason, false);
        long deadline = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
        try {
            for (WorkerPool p : stopped) p.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()));
            for (ConnectionWorker w : txs) w.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OperationalError replacedError(String alias) {
        return new OperationalError("The async workers of alias '" + alias + "' were replaced (new Djorm.configure or "
                + "Async.configure) before this statement ran; it was not sent. Submit it again.");
    }
}
