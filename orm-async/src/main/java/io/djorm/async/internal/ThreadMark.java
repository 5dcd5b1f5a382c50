package io.djorm.async.internal;

/**
 * A per-thread marker set while one piece of work runs and restored afterwards, so that nested work
 * (a callback run by a waiting callback) leaves the outer marker as it found it.
 *
 * @param <T> the marker's type
 */
final class ThreadMark<T> {
    private final ThreadLocal<T> current = new ThreadLocal<>();

    /** The marker of the work running on this thread, or null. */
    T get() {
        return current.get();
    }

    /** Runs {@code work} with {@code mark} set on this thread. */
    void runWith(T mark, Runnable work) {
        T previous = current.get();
        current.set(mark);
        try {
            work.run();
        } finally {
            if (previous == null) current.remove();
            else current.set(previous);
        }
    }
}
