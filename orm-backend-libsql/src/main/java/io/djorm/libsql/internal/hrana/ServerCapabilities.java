package io.djorm.libsql.internal.hrana;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one server has shown it supports, learned from its answers and remembered so that every later
 * request goes straight to what works: the protocol version, the stream request types it refused, and
 * whether it tracks streams by baton. Shared by all connections to the server; thread-safe.
 */
final class ServerCapabilities {
    private volatile boolean v3 = true;
    private volatile Boolean tracksStreams;
    private final Set<String> refusedRequestTypes = ConcurrentHashMap.newKeySet();

    /** The pipeline path to use: {@code v3/pipeline} until the server showed it lacks it. */
    String pipelinePath() {
        return v3 ? "v3/pipeline" : "v2/pipeline";
    }

    boolean speaksV3() {
        return v3;
    }

    void fallBackToV2() {
        v3 = false;
    }

    boolean accepts(String requestType) {
        return !refusedRequestTypes.contains(requestType);
    }

    void refuse(String requestType) {
        refusedRequestTypes.add(requestType);
    }

    /**
     * Whether the server keeps a stream per baton. Null until a stream was opened without closing it.
     * A server that only echoes batons (and shares one connection between all clients) answers false.
     */
    Boolean tracksStreams() {
        return tracksStreams;
    }

    void learnTracksStreams(boolean tracks) {
        tracksStreams = tracks;
    }
}
