package io.djorm.async;

import io.djorm.core.DjormException;

/**
 * A thread tried to wait for an async djorm future that it is itself needed to complete, such as a
 * connection thread running {@link Async#supply} work that calls {@code join()} on another async
 * call: that call may be queued behind the waiting work and would never run. Raised at once instead of
 * hanging. Call the sync API directly inside such work (it runs on the worker's connection), or chain
 * the futures with {@code thenCompose}.
 */
public class AsyncDeadlockError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message that says which thread waited and what to do instead. */
    public AsyncDeadlockError(String message) {
        super(message);
    }
}
