package io.djorm.async.internal;

import io.djorm.async.AsyncIterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A cold {@link Flow.Publisher} of a query's rows: each subscriber gets its own read of the query, and
 * rows are fetched a chunk at a time only while the subscriber has demand. Signals are delivered one
 * at a time on the callback executor.
 *
 * @param <T> the row type
 */
public final class RowPublisher<T> implements Flow.Publisher<T> {
    private final Supplier<AsyncIterator<T>> readers;
    private final Executor callbacks;

    /** A publisher whose every subscription reads through a fresh iterator from {@code readers}. */
    public RowPublisher(Supplier<AsyncIterator<T>> readers, Executor callbacks) {
        this.readers = readers;
        this.callbacks = callbacks;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        RowSubscription s = new RowSubscription(subscriber);
        subscriber.onSubscribe(s);
    }

    private final class RowSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable failure;
        private volatile List<T> arrived;
        // Touched only inside drain(), which never runs twice at once.
        private AsyncIterator<T> reader;
        private List<T> chunk = List.of();
        private int index;
        private boolean fetching;
        private boolean terminated;

        RowSubscription(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                failure = new IllegalArgumentException("Flow.Subscription.request(" + n + "): demand must be positive "
                        + "(Reactive Streams rule 3.9).");
            } else {
                demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            }
            schedule();
        }

        @Override
        public void cancel() {
            cancelled = true;
            schedule();
        }

        private void schedule() {
            if (work.getAndIncrement() == 0) callbacks.execute(this::drain);
        }

        private void drain() {
            int missed = 1;
            do {
                step();
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        private void step() {
            if (terminated) return;
            if (cancelled) {
                terminate();
                return;
            }
            if (failure != null) {
                terminate();
                subscriber.onError(failure);
                return;
            }
            List<T> fresh = arrived;
            if (fresh != null) {
                arrived = null;
                fetching = false;
                if (fresh.isEmpty()) {
                    terminate();
                    subscriber.onComplete();
                    return;
                }
                chunk = fresh;
                index = 0;
            }
            while (demand.get() > 0 && index < chunk.size() && !cancelled) {
                T row = chunk.get(index++);
                if (row == null) {
                    failure = new NullPointerException("A row of this query is null, which Flow subscribers may "
                            + "not receive; filter the nulls out of the query (exclude(\"field__isnull\", true)).");
                    step();
                    return;
                }
                demand.decrementAndGet();
                try {
                    subscriber.onNext(row);
                } catch (RuntimeException subscriberBug) {
                    // Rule 2.13: a subscriber that throws is treated as having cancelled.
                    cancelled = true;
                    terminate();
                    return;
                }
            }
            if (index >= chunk.size() && demand.get() > 0 && !fetching && !cancelled) {
                fetching = true;
                if (reader == null) reader = readers.get();
                reader.nextChunk().whenComplete((rows, error) -> {
                    if (error != null) failure = Failures.unwrap(error);
                    else arrived = rows;
                    schedule();
                });
            }
        }

        private void terminate() {
            terminated = true;
            chunk = List.of();
            if (reader != null) reader.close();
        }
    }
}
