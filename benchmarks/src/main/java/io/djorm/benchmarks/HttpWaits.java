package io.djorm.benchmarks;

import java.util.concurrent.atomic.LongAdder;

/**
 * Nanoseconds each side of a remote benchmark spent waiting on HTTP: from handing a request to OkHttp
 * until its response headers arrived. A side's wall time minus this is its own client work, so a wall
 * ratio can be split into the part the server and the network made and the part the client made.
 */
final class HttpWaits {
    /** djorm's requests, timed by {@link RequestRecorder} around the rest of the interceptor chain. */
    static final LongAdder DJORM = new LongAdder();
    /** The replayed requests, timed around the call. */
    static final LongAdder RAW = new LongAdder();

    private HttpWaits() {
    }
}
