package io.djorm.async;

import io.djorm.async.internal.TaskTarget;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A transaction worker as seen through a probe that hands back each submission's future only once the
 * work has run and the future completed: whoever chains on it always finds it done. It forces the
 * interleaving where a fast worker wins the race against the thread that attaches the next stage.
 */
final class DoneOnReturn implements TaskTarget {
    private final TaskTarget worker;

    DoneOnReturn(TaskTarget worker) {
        this.worker = worker;
    }

    @Override
    public String alias() {
        return worker.alias();
    }

    @Override
    public <R> CompletableFuture<R> submit(Supplier<R> work) {
        CompletableFuture<R> future = worker.submit(work);
        try {
            future.join();
        } catch (CompletionException | CancellationException failed) {
            // Done, with a failure: the caller sees it on the future as before.
        }
        return future;
    }

    @Override
    public TaskTarget pinned() {
        return this;
    }

    @Override
    public Executor callbacks() {
        return worker.callbacks();
    }
}
