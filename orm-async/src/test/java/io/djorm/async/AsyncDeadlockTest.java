package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking waits djorm can see would never end: they end within a second. */
class AsyncDeadlockTest extends AsyncBackendTest {
    private ExecutorService oneThread;

    @AfterEach
    void restoreDefaults() {
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults());
        if (oneThread != null) oneThread.shutdownNow();
    }

    @Test
    void supplyJoiningAnotherFutureOnItsOnlyWorkerFailsAtOnce() {
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(1));
        long start = System.nanoTime();
        CompletableFuture<Long> waiting = Async.supply(() -> Async.of(Book.objects()).countAsync().join());
        assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOf(AsyncDeadlockError.class)
                .hasMessageContaining("djorm-async-default-1").hasMessageContaining("call the sync API directly");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        // The worker is free again.
        assertThat(await(Async.of(Book.objects()).countAsync())).isZero();
    }

    @Test
    void aCallbackJoiningAnotherFutureOnAOneThreadExecutorCompletes() throws Exception {
        oneThread = Executors.newSingleThreadExecutor();
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().callbackExecutor(oneThread));
        await(Async.of(Book.objects()).createAsync("title", "a"));
        long start = System.nanoTime();
        CompletableFuture<Long> nested = Async.of(Book.objects()).getAsync("title", "a")
                .thenApply(book -> Async.of(Book.objects().filter("title", book.title)).countAsync()
                        .thenApply(n -> n * 10).join());
        assertThat(nested.get(1, TimeUnit.SECONDS)).isEqualTo(10L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
