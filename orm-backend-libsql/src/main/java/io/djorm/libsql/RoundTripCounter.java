package io.djorm.libsql;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts the HTTP requests a remote libSQL alias sends: the number that decides its speed. Pass it in
 * {@code OPTIONS.INTERCEPTORS}; it counts every request, including ones that fail.
 *
 * <pre>{@code
 * RoundTripCounter trips = new RoundTripCounter();
 * Map.of("ENGINE", "libsql", "NAME", "libsql://db.example.com", "AUTH_TOKEN", token,
 *        "OPTIONS", Map.of("INTERCEPTORS", List.of(trips)));
 * // ... run some queries ...
 * long requests = trips.count();
 * }</pre>
 */
public final class RoundTripCounter implements Interceptor {
    private final AtomicLong count = new AtomicLong();

    /** Creates a counter at zero. */
    public RoundTripCounter() {
    }

    /** Counts the request, then lets it through. */
    @Override
    public Response intercept(Chain chain) throws IOException {
        count.incrementAndGet();
        return chain.proceed(chain.request());
    }

    /** The number of HTTP requests sent since creation or the last {@link #reset()}. */
    public long count() {
        return count.get();
    }

    /** Sets the count back to zero. */
    public void reset() {
        count.set(0);
    }

    @Override
    public String toString() {
        return "RoundTripCounter[" + count.get() + "]";
    }
}
