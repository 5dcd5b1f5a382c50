package io.djorm.libsql.internal.hrana;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one server has shown it supports, learned from its answers and remembered so that every later
 * request goes straight to what works: the protocol version, the request types and batch conditions it
 * refused, and whether it tracks streams by baton. Shared by all connections to the server; thread-safe.
 *
 * <p>The protocol is discovered once: the first request goes to {@code v3/pipeline}, and requests made
 * meanwhile wait for its answer instead of each probing (and each meeting the 404 of a v2-only server).
 */
final class ServerCapabilities {
    private enum Protocol { V3, V2 }

    private final ReentrantLock discovery = new ReentrantLock();
    private volatile Protocol protocol;
    private volatile Boolean tracksStreams;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** The pipeline path to use: {@code v3/pipeline} until the server showed it lacks it. */
    String pipelinePath() {
        return protocol == Protocol.V2 ? "v2/pipeline" : "v3/pipeline";
    }

    /**
     * Called before each request. Returns false at once when the protocol is known. Otherwise waits while
     * another caller discovers it, and returns true when this caller must discover it itself: it then
     * holds the discovery until {@link #endDiscovery()}, and reports the answer with {@link #learnV3(boolean)}.
     */
    boolean beginDiscovery() {
        if (protocol != null) return false;
        discovery.lock();
        if (protocol != null) {
            discovery.unlock();
            return false;
        }
        return true;
    }

    /** Lets the callers waiting for the protocol go on (to discover it themselves if it is still unknown). */
    void endDiscovery() {
        discovery.unlock();
    }

    /** Records whether {@code v3/pipeline} exists on the server. */
    void learnV3(boolean v3) {
        protocol = v3 ? Protocol.V3 : Protocol.V2;
    }

    /** Whether the server accepts a request type or batch condition type (true until it refused it). */
    boolean accepts(String type) {
        return !refused.contains(type);
    }

    /** Records that the server refused a request type or batch condition type. */
    void refuse(String type) {
        refused.add(type);
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
