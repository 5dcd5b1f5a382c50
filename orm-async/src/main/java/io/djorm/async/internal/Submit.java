package io.djorm.async.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Submits work so that every failure, even one found before the work is queued, arrives through the future. */
public final class Submit {
    private Submit() {
    }

    /**
     * Runs {@code work} on the target of the alias {@code alias} names. Resolving the alias (which may
     * raise ImproperlyConfigured) happens here, on the caller's thread, and never touches a database.
     */
    public static <R> CompletableFuture<R> on(Targets targets, Supplier<String> alias, Supplier<R> work) {
        String name = null;
        TaskTarget target;
        try {
            name = alias.get();
            target = targets.forAlias(name);
        } catch (RuntimeException e) {
            return CallbackFuture.failed(targets.callbacks(name), e);
        }
        return target.submit(work);
    }
}
