package io.djorm.async.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A future whose {@code ...Async} stages without an executor run on the user-facing callback executor
 * (never on a connection thread), and whose dependent stages inherit that executor.
 *
 * @param <T> the result
 */
public class CallbackFuture<T> extends CompletableFuture<T> {
    private final Executor callbacks;

    /** An incomplete future whose default executor is {@code callbacks}. */
    public CallbackFuture(Executor callbacks) {
        this.callbacks = callbacks;
    }

    /** A future already failed with {@code error}. */
    public static <T> CallbackFuture<T> failed(Executor callbacks, Throwable error) {
        CallbackFuture<T> f = new CallbackFuture<>(callbacks);
        f.completeExceptionally(error);
        return f;
    }

    @Override
    public Executor defaultExecutor() {
        return callbacks;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CallbackFuture<>(callbacks);
    }

    /** Completes with a value on the callback executor, so dependent stages never run on the caller's thread. */
    void completeOnCallbacks(T value, Throwable error) {
        Runnable completion = () -> {
            if (error != null) completeExceptionally(error);
            else complete(value);
        };
        try {
            callbacks.execute(completion);
        } catch (RuntimeException rejected) {
            // The callback executor refused (it was shut down): completing here beats never completing.
            completion.run();
        }
    }
}
