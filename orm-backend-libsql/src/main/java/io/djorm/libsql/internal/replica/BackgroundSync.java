package io.djorm.libsql.internal.replica;

import io.djorm.core.SyncResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a replica every {@code OPTIONS.SYNC_INTERVAL} on a daemon thread. A failed pull is logged and
 * counted, never thrown: readers keep the last good state and the next tick tries again.
 */
public final class BackgroundSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);
    private final ReplicaFile replica;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();
    private volatile boolean closing;

    private BackgroundSync(ReplicaFile replica, Duration interval) {
        this.replica = replica;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "djorm-replica-sync " + replica.databasePath().getFileName());
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts pulling every {@code interval}, the first time one interval from now. */
    public static BackgroundSync start(ReplicaFile replica, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("a sync interval must be positive, not " + interval);
        }
        return new BackgroundSync(replica, interval);
    }

    private void tick() {
        try {
            SyncResult result = replica.pull();
            successes.incrementAndGet();
            LOG.debug("Background sync of {} reached revision {} ({} pages, {} bytes, {} ms)",
                    replica.databasePath(), result.revision(), result.pagesReceived(), result.bytesReceived(),
                    result.duration().toMillis());
        } catch (RuntimeException e) {
            if (closing) return; // cancelled by close()
            failures.incrementAndGet();
            lastFailure.set(e);
            LOG.warn("Background sync of replica {} failed; reads keep serving revision {}: {}",
                    replica.databasePath(), replica.revision(), e.getMessage());
        }
    }

    /** How many background pulls have failed. */
    public long failures() {
        return failures.get();
    }

    /** How many background pulls have succeeded. */
    public long successes() {
        return successes.get();
    }

    /** The most recent failure, if any. */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Stops the schedule, cancels the download of a pull in flight and waits for that pull to end. The
     * thread is not interrupted: an interrupt would close the database file in the middle of an apply,
     * which therefore runs to its end (it is local disk work).
     */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdown();
        replica.cancelPull();
        try {
            long waitMillis = replica.source().timeout().toMillis() + 10_000;
            if (!scheduler.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("A background sync of {} did not stop within {} ms", replica.databasePath(), waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
