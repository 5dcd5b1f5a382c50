package io.djorm.async.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Where async work runs: the least busy worker of an alias, or the one worker of a transaction. */
public interface TaskTarget {

    /** The alias whose connections run the work. */
    String alias();

    /**
     * Runs synchronous ORM work on a connection thread; the future completes on {@link #callbacks()}
     * with its result or its exception.
     */
    <R> CompletableFuture<R> submit(Supplier<R> work);

    /** A target that runs every submission on one and the same thread and connection, in order. */
    TaskTarget pinned();

    /** The executor futures complete on. */
    Executor callbacks();
}
