package io.djorm.async.internal;

import io.djorm.async.AsyncOptions;
import io.djorm.core.OperationalError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM shutdown hook that lets queued async work finish when the program exits normally: worker
 * threads are daemons, so without it the JVM would end with statements still queued and say nothing.
 * It waits until every worker and callback has been quiet twice in a row (a callback may chain more
 * work), at most the longest {@link AsyncOptions#exitTimeout()} of a running alias; then it drops what
 * is left and logs it.
 */
final class ExitDrain {
    private static final Logger LOG = LoggerFactory.getLogger("io.djorm.async");
    private static final long POLL_MILLIS = 10;
    private final AsyncRuntime runtime;
    private final AtomicBoolean installed = new AtomicBoolean();

    ExitDrain(AsyncRuntime runtime) {
        this.runtime = runtime;
    }

    /** Registers the hook, once per JVM (from the first worker started). */
    void install() {
        if (!installed.compareAndSet(false, true)) return;
        Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "djorm-async-exit-drain"));
    }

    private void drain() {
        Map<WorkerPool, AsyncOptions> pools = runtime.runningPools();
        Duration limit = Duration.ZERO;
        for (AsyncOptions o : pools.values()) if (o.exitTimeout().compareTo(limit) > 0) limit = o.exitTimeout();
        long deadline = System.nanoTime() + limit.toNanos();
        boolean quietBefore = false;
        while (System.nanoTime() - deadline < 0) {
            boolean quiet = quiet(pools);
            if (quiet && quietBefore) return;
            quietBefore = quiet;
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
        }
        if (quiet(pools)) return;
        dropTheRest(pools, limit);
    }

    private boolean quiet(Map<WorkerPool, AsyncOptions> pools) {
        for (WorkerPool p : pools.keySet()) if (!p.isIdle()) return false;
        for (ConnectionWorker w : runtime.transactionWorkers()) if (w.load() > 0) return false;
        return runtime.callbacksQuiet();
    }

    private void dropTheRest(Map<WorkerPool, AsyncOptions> pools, Duration limit) {
        OperationalError reason = new OperationalError("The JVM exited before this async statement ran (it waited "
                + limit.toMillis() + " ms, AsyncOptions.exitTimeout); it was not sent to the database.");
        for (WorkerPool p : pools.keySet()) {
            boolean running = p.isRunning();
            int dropped = p.stop(reason, false);
            if (dropped > 0 || running) {
                LOG.warn("djorm async: at JVM exit, {} queued statement(s) of alias '{}' were not sent{} after waiting"
                        + " {} ms. Await the futures before main returns, or raise AsyncOptions.exitTimeout.", dropped,
                        p.alias(), running ? " and one statement was still running" : "", limit.toMillis());
            }
        }
        for (ConnectionWorker w : runtime.transactionWorkers()) {
            w.stop(reason, false);
            LOG.warn("djorm async: at JVM exit, an async transaction of alias '{}' had not finished after {} ms;"
                    + " it was not committed.", w.alias(), limit.toMillis());
        }
    }
}
