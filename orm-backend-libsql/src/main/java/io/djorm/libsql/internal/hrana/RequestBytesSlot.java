package io.djorm.libsql.internal.hrana;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link RequestBytes} one connection keeps between its requests, lent to one request at a time: a
 * connection sends one request at a time, so each request reuses the chunks of the one before. Should two
 * requests ever overlap (a connection used by two threads at once), the second gets bytes of its own
 * rather than sharing them. What is kept is bounded by {@link RequestBytes#clear()}.
 */
final class RequestBytesSlot {
    private final AtomicReference<RequestBytes> kept = new AtomicReference<>();

    /** The kept bytes, empty, or new ones when they are lent out (or none were kept yet). */
    RequestBytes take() {
        RequestBytes bytes = kept.getAndSet(null);
        return bytes != null ? bytes : new RequestBytes();
    }

    /** Takes back bytes whose request has ended (answered or failed): they are cleared and kept for the next one. */
    void giveBack(RequestBytes bytes) {
        bytes.clear();
        kept.set(bytes);
    }
}
