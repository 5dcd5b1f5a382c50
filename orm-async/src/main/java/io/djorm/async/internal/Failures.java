package io.djorm.async.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwraps the wrappers CompletableFuture puts around the exception a step really raised. */
public final class Failures {
    private Failures() {
    }

    /** The exception the work raised, without CompletionException/ExecutionException wrappers. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
