package io.djorm.async;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * How the async layer runs one alias: how many connection workers it keeps and where futures complete.
 * Immutable; each method returns a new value. Pass it to {@link Async#configure(String, AsyncOptions)}.
 *
 * <pre>{@code
 * Async.configure("default", AsyncOptions.defaults().workers(6).callbackExecutor(myExecutor));
 * }</pre>
 */
public final class AsyncOptions {
    /** The most workers an alias gets when none are asked for. */
    public static final int DEFAULT_MAX_WORKERS = 8;
    private static final AsyncOptions DEFAULTS = new AsyncOptions(0, ForkJoinPool.commonPool());
    private final int workers;
    private final Executor callbackExecutor;

    private AsyncOptions(int workers, Executor callbackExecutor) {
        this.workers = workers;
        this.callbackExecutor = callbackExecutor;
    }

    /**
     * The defaults: {@code min(8, maxConnections - 1)} workers (at least one), so synchronous code and
     * async transactions always find a free connection (7 for a SQLite file's default pool of 8 and for
     * a remote server's 8, where several requests in flight are what makes async fast); futures
     * complete on the common ForkJoinPool.
     */
    public static AsyncOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with {@code count} workers: the number of statements of this alias in flight at once. It
     * must not exceed the alias's connection limit ({@code OPTIONS.pool_size} for SQLite files).
     */
    public AsyncOptions workers(int count) {
        if (count < 1) throw new IllegalArgumentException("workers must be at least 1, got " + count + ".");
        return new AsyncOptions(count, callbackExecutor);
    }

    /**
     * A copy whose futures complete on {@code executor}: their dependent stages run there, never on a
     * connection thread. Use an executor that does not run tasks on the submitting thread.
     */
    public AsyncOptions callbackExecutor(Executor executor) {
        return new AsyncOptions(workers, Objects.requireNonNull(executor, "callbackExecutor"));
    }

    /** The requested worker count, or 0 for the default. */
    public int workers() {
        return workers;
    }

    /** The executor futures complete on. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }
}
