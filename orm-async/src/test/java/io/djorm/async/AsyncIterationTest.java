package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Async iteration: chunked, in order, with a bounded number of rows held, and a demand-driven publisher. */
class AsyncIterationTest extends AsyncBackendTest {
    private static final int ROWS = 100_000;
    private static final int CHUNK = 1_000;

    private static void seed(int n) {
        List<Book> books = new ArrayList<>(n);
        for (int i = 0; i < n; i++) books.add(Book.of("b" + i, i));
        for (int i = 0; i < n; i += 10_000) Book.objects().bulkCreate(books.subList(i, Math.min(n, i + 10_000)));
    }

    @Test
    void aHundredThousandRowsStreamWithFlatMemory() {
        seed(ROWS);
        AsyncIterator<Book> books = Async.of(Book.objects().all()).iterator(CHUNK);
        AtomicLong seen = new AtomicLong();
        AtomicLong pageSum = new AtomicLong();
        AtomicLong mostHeld = new AtomicLong();
        await(books.forEachAsync(b -> {
            seen.incrementAndGet();
            pageSum.addAndGet(b.pages);
            mostHeld.accumulateAndGet(books.buffered(), Math::max);
        }));
        assertThat(seen).hasValue(ROWS);
        assertThat(pageSum).hasValue((long) ROWS * (ROWS - 1) / 2);
        // The chunk being handed on plus the one fetched ahead: never more than two chunks.
        assertThat(books.maxBuffered()).isPositive().isLessThanOrEqualTo(2L * CHUNK);
        assertThat(mostHeld.get()).isLessThanOrEqualTo(2L * CHUNK);
    }

    @Test
    void nextReturnsRowsInOrderThenEmpty() {
        seed(25);
        try (AsyncIterator<Book> it = Async.of(Book.objects().filter("pages__lt", 7).orderBy("-pages")).iterator(3)) {
            List<Integer> pages = new ArrayList<>();
            for (Optional<Book> b = await(it.next()); b.isPresent(); b = await(it.next())) pages.add(b.get().pages);
            assertThat(pages).containsExactly(6, 5, 4, 3, 2, 1, 0);
            assertThat(await(it.next())).isEmpty();
            assertThat(it.buffered()).isZero();
        }
    }

    @Test
    void callsMadeBeforeEarlierOnesCompleteAreServedInOrder() {
        seed(10);
        AsyncIterator<Book> it = Async.of(Book.objects().orderBy("pages")).iterator(4);
        List<CompletableFuture<Optional<Book>>> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) all.add(it.next());
        List<Integer> pages = new ArrayList<>();
        for (CompletableFuture<Optional<Book>> f : all) await(f).ifPresent(b -> pages.add(b.pages));
        assertThat(pages).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void anActionFailureEndsTheLoopWithThatError() {
        seed(50);
        CompletableFuture<Void> done = Async.of(Book.objects().all()).forEachAsync(10, b -> {
            if (b.pages == 23) throw new IllegalStateException("stop at 23");
        });
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("stop at 23");
    }

    @Test
    void thePublisherHonoursDemand() throws Exception {
        seed(30);
        Flow.Publisher<Book> publisher = Async.of(Book.objects().orderBy("pages")).publisher(4);
        List<Integer> got = new CopyOnWriteArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CountDownLatch firstFive = new CountDownLatch(5);
        CountDownLatch completed = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(5);
            }
            @Override public void onNext(Book item) {
                got.add(item.pages);
                firstFive.countDown();
            }
            @Override public void onError(Throwable t) {
                got.add(-1);
            }
            @Override public void onComplete() {
                completed.countDown();
            }
        });
        assertThat(firstFive.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // time enough for rows beyond the demand to arrive, if they wrongly would
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
        subscription.get().request(Long.MAX_VALUE);
        assertThat(completed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(got).hasSize(30).doesNotContain(-1);
        assertThat(got.get(29)).isEqualTo(29);
    }

    @Test
    void aCancelledSubscriptionStopsAndANonPositiveRequestFails() throws Exception {
        seed(30);
        Flow.Publisher<Book> publisher = Async.of(Book.objects().all()).publisher(5);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Integer> got = new CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription s;
            @Override public void onSubscribe(Flow.Subscription s) {
                this.s = s;
                s.request(3);
            }
            @Override public void onNext(Book item) {
                got.add(item.pages);
                if (got.size() == 3) s.request(0);
            }
            @Override public void onError(Throwable t) {
                error.set(t);
                failed.countDown();
            }
            @Override public void onComplete() {
                got.add(-1);
            }
        });
        assertThat(failed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(got).hasSize(3);
    }
}
