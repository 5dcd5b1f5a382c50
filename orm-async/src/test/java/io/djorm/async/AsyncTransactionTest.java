package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.IntegrityError;
import io.djorm.core.TransactionManagementError;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Async atomic blocks: one connection for the whole chain, commit or rollback as the chain completes. */
class AsyncTransactionTest extends AsyncBackendTest {

    @Test
    void aChainCommitsWhenItCompletes() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CompletableFuture<Long> done = Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "a", "pages", 1)
                .thenCompose(a -> tx.supply(() -> {
                    threads.add(Thread.currentThread().getName());
                    return Book.objects().create("title", "b", "pages", a.pages + 1);
                }))
                .thenCompose(b -> tx.of(Book.objects().filter("pages__gte", 1)).countAsync()));
        assertThat(await(done)).isEqualTo(2L);
        assertThat(threads).singleElement().asString().startsWith("djorm-async-tx-default-");
        assertThat(Book.objects().count()).isEqualTo(2);
    }

    @Test
    void aFailingStepRollsTheWholeChainBack() {
        CompletableFuture<Book> done = Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "a")
                .thenCompose(a -> tx.of(Book.objects()).createAsync("title", "a")));
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(IntegrityError.class);
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void aBodyThatThrowsRollsBack() {
        CompletableFuture<Object> done = Async.atomic(tx -> {
            tx.of(Book.objects()).createAsync("title", "early");
            throw new IllegalStateException("changed my mind");
        });
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void aNestedBlockIsASavepoint() {
        // Over Hrana the failed INSERT is held back and its error only surfaces at the outer COMMIT, in the
        // sync API too (Transaction.atomic nested the same way): a libsql backend issue, reported.
        CompletableFuture<Long> done = Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "outer")
                .thenCompose(o -> tx.atomic(inner -> inner.of(Book.objects()).createAsync("title", "inner")
                        .thenCompose(i -> inner.of(Book.objects()).createAsync("title", "outer"))))
                .handle((x, innerError) -> innerError)
                .thenCompose(innerError -> {
                    // Composed stages wrap a failure in CompletionException, as CompletableFuture always does.
                    assertThat(innerError).isInstanceOf(java.util.concurrent.CompletionException.class)
                            .hasCauseInstanceOf(IntegrityError.class);
                    return tx.of(Book.objects()).countAsync();
                }));
        assertThat(await(done)).isEqualTo(1L);
        assertThat(Book.objects().valuesListFlat("title", String.class).list()).containsExactly("outer");
    }

    @Test
    void stepsAfterTheBlockFinishedAreRefused() {
        AtomicReference<AsyncTransaction> escaped = new AtomicReference<>();
        await(Async.atomic(tx -> {
            escaped.set(tx);
            return tx.of(Book.objects()).createAsync("title", "in");
        }));
        CompletableFuture<Book> late = escaped.get().of(Book.objects()).createAsync("title", "late");
        assertThatThrownBy(() -> late.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("has finished");
        assertThat(Book.objects().count()).isEqualTo(1);
    }

    /**
     * A stage chained on the block's future runs the moment that future completes (here before any stage
     * attached earlier, as CompletableFuture runs the latest first): the transaction must be finished by
     * then. The late step waits until the worker has started it, so a step that slipped in before the
     * worker stopped runs to the end, every time, instead of being dropped by a stop that came just after.
     */
    @Test
    void aStepChainedOnTheBlocksFutureFindsTheTransactionFinished() {
        AtomicReference<AsyncTransaction> escaped = new AtomicReference<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch lateStarted = new CountDownLatch(1);
        CompletableFuture<Integer> late = Async.atomic(tx -> {
            escaped.set(tx);
            return release.thenCompose(go -> tx.of(Book.objects()).createAsync("title", "in"));
        }).thenCompose(book -> {
            CompletableFuture<Integer> step = escaped.get().supply(() -> {
                lateStarted.countDown();
                return 1;
            });
            if (!step.isDone()) awaitLatch(lateStarted);
            return step;
        });
        release.complete(null); // the body's step runs only now, after both stages were chained
        assertThatThrownBy(() -> late.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("has finished");
        assertThat(Book.objects().count()).isEqualTo(1);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("the late step never started");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnknownAliasFailsTheFuture() {
        CompletableFuture<Integer> done = Async.atomic("nowhere", tx -> tx.supply(() -> 1));
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.ImproperlyConfigured.class).hasMessageContaining("nowhere");
    }
}
