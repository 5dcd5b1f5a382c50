package io.djorm.async;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * How the async layer runs one alias: how many connection workers it keeps, where futures complete,
 * and how long work still queued at JVM exit may take to finish. Immutable; each method returns a new
 * value. Pass it to {@link Async#configure(String, AsyncOptions)}.
 *
 * <pre>{@code
 * Async.configure("default", AsyncOptions.defaults().workers(6).callbackExecutor(myExecutor)
 *         .exitTimeout(Duration.ofSeconds(30)));
 * }</pre>
 *
 * <p><b>Blocking waits.</b> Never block a connection thread on another async call: {@code join()} or
 * {@code get()} on an unfinished djorm future inside {@link Async#supply} work (or any work running on
 * a worker) fails at once with {@link AsyncDeadlockError}, because the awaited statement may be queued
 * behind the waiting one on the same thread. Call the sync API directly there. A callback that blocks
 * on another djorm future while running on the callback executor does not hang even with a one-thread
 * executor: while it waits, it runs the completions queued for that executor itself. Chaining with
 * {@code thenCompose} remains the better way in both cases.
 */
public final class AsyncOptions {
    /** The most workers an alias gets when none are asked for. */
    public static final int DEFAULT_MAX_WORKERS = 8;
    /** How long work queued at JVM exit may take to finish, unless configured. */
    public static final Duration DEFAULT_EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final AsyncOptions DEFAULTS = new AsyncOptions(0, ForkJoinPool.commonPool(), DEFAULT_EXIT_TIMEOUT);
    private final int workers;
    private final Executor callbackExecutor;
    private final Duration exitTimeout;

    private AsyncOptions(int workers, Executor callbackExecutor, Duration exitTimeout) {
        this.workers = workers;
        this.callbackExecutor = callbackExecutor;
        this.exitTimeout = exitTimeout;
    }

    /**
     * The defaults: {@code min(8, maxConnections - 1)} workers (at least one), so synchronous code and
     * async transactions always find a free connection (7 for a SQLite file's default pool of 8 and for
     * a remote server's 8, where several requests in flight are what makes async fast); futures
     * complete on the common ForkJoinPool; work queued at exit gets 10 seconds.
     */
    public static AsyncOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with {@code count} workers: the number of statements of this alias in flight at once, and
     * the number of connections async work holds once it has been that busy (each worker keeps its
     * connection for its life). It must not exceed the alias's connection limit
     * ({@code OPTIONS.pool_size} for SQLite files).
     */
    public AsyncOptions workers(int count) {
        if (count < 1) throw new IllegalArgumentException("workers must be at least 1, got " + count + ".");
        return new AsyncOptions(count, callbackExecutor, exitTimeout);
    }

    /**
     * A copy whose futures complete on {@code executor}: their dependent stages run there, never on a
     * connection thread. Use an executor that does not run tasks on the submitting thread. A
     * one-thread executor is fine, also for callbacks that block on other djorm futures (see the class
     * documentation).
     */
    public AsyncOptions callbackExecutor(Executor executor) {
        return new AsyncOptions(workers, Objects.requireNonNull(executor, "callbackExecutor"), exitTimeout);
    }

    /**
     * A copy whose work still queued when the JVM exits normally (the end of {@code main},
     * {@code System.exit}) may take up to {@code timeout} to finish, together with the callbacks that
     * chain more work on it. A JVM shutdown hook waits for it; what has not run by then is dropped and
     * logged as a warning (logger {@code io.djorm.async}). With several aliases the hook waits up to
     * the longest of their timeouts. {@link Duration#ZERO} only logs.
     */
    public AsyncOptions exitTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("exitTimeout must not be negative, got " + timeout + ".");
        return new AsyncOptions(workers, callbackExecutor, timeout);
    }

    /** The requested worker count, or 0 for the default. */
    public int workers() {
        return workers;
    }

    /** The executor futures complete on. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** How long work queued at JVM exit may take to finish. */
    public Duration exitTimeout() {
        return exitTimeout;
    }
}
