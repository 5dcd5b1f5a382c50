package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import io.djorm.core.OperationalError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation and shutdown on one worker, made deterministic by parking the worker on a latch so
 * that later work waits in its queue.
 */
class CancellationAndShutdownTest extends AsyncBackendTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch parked = new CountDownLatch(1);

    @BeforeEach
    void oneWorker() {
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(1));
    }

    /** Occupies the only worker until {@link #release} opens. */
    private CompletableFuture<Long> parkTheWorker() {
        CompletableFuture<Long> blocker = Async.supply(() -> {
            long rows = Book.objects().count();
            parked.countDown();
            await(release);
            return rows;
        });
        await(parked);
        return blocker;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("latch timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cancellingAQueuedFutureRemovesItsStatement() {
        CompletableFuture<Long> blocker = parkTheWorker();
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Book> queued = Async.supply(() -> {
            ran.incrementAndGet();
            return Book.objects().create("title", "should not exist");
        });
        CompletableFuture<Long> kept = Async.of(Book.objects()).countAsync();

        assertThat(queued.cancel(false)).isTrue();
        assertThat(queued).isCancelled();
        release.countDown();
        assertThat(await(blocker)).isZero();
        assertThat(await(kept)).isZero();
        assertThat(ran).hasValue(0);
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void cancelWithoutInterruptLeavesAStartedStatementRunning() {
        CompletableFuture<Long> blocker = parkTheWorker();
        assertThat(blocker.cancel(false)).isFalse();
        release.countDown();
        assertThat(await(blocker)).isZero();
        assertThat(blocker).isNotCancelled();
    }

    @Test
    void shutdownFailsQueuedFuturesAndStopsTheThreads() throws Exception {
        CompletableFuture<Long> running = parkTheWorker();
        List<CompletableFuture<Book>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) queued.add(Async.of(Book.objects()).createAsync("title", "q" + i));

        Thread stopper = new Thread(Async::shutdown);
        stopper.start();
        for (CompletableFuture<Book> f : queued) {
            assertThatThrownBy(() -> f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(OperationalError.class).hasMessageContaining("shut down")
                    .hasMessageContaining("not sent");
        }
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(stopper.isAlive()).isFalse();
        assertThat(await(running)).isZero(); // the running statement finished normally
        assertThat(workerThreads()).isEmpty();
        assertThat(Book.objects().count()).isZero();

        // Async calls after a shutdown start fresh workers.
        assertThat(await(Async.of(Book.objects()).countAsync())).isZero();
    }

    @Test
    void closingTheOrmFailsQueuedFuturesAndStopsTheThreads() throws Exception {
        try {
            CompletableFuture<Long> running = parkTheWorker();
            CompletableFuture<Long> queued = Async.of(Book.objects()).countAsync();
            Djorm.shutdown();
            release.countDown();
            assertThat(await(running)).isZero();
            assertThatThrownBy(() -> queued.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(OperationalError.class).hasMessageContaining("was closed")
                    .hasMessageContaining("not sent");
            long deadline = System.currentTimeMillis() + 5_000;
            while (!workerThreads().isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(workerThreads()).isEmpty();
        } finally {
            AsyncFixture.tearDown(); // the next test configures djorm afresh
        }
    }

    private static List<String> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("djorm-async")).toList();
    }
}
