package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.async.internal.TransactionChain;
import io.djorm.core.Djorm;
import io.djorm.core.TransactionManagementError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Async work started with {@code Async.of}/{@code Async.supply}/{@code Async.atomic} inside the body of
 * an async atomic block would run outside it: it is refused, and nothing of it survives the rollback.
 */
class AsyncAtomicEscapeTest extends AsyncBackendTest {

    @Test
    void asyncOfInsideAStepIsRefusedAndNothingEscapesTheRollback() {
        CompletableFuture<Book> done = Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "inside")
                .thenCompose(a -> Async.of(Book.objects()).createAsync("title", "escaped")));
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class)
                .hasMessageContaining("Async.of(...)").hasMessageContaining("tx.of(...)");
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void asyncOfInTheBodyItselfIsRefused() {
        CompletableFuture<Long> done = Async.atomic(tx -> {
            tx.of(Book.objects()).createAsync("title", "inside");
            return Async.of(Book.objects().all()).updateAsync("title", "escaped");
        });
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("tx.of(...)");
        assertThat(Book.objects().count()).isZero();
    }

    /**
     * The race that once made these refusals flaky, forced: BEGIN has finished before the body is chained
     * on it. The body must still run on the transaction's marked callback thread; a plain whenComplete ran
     * it on the calling thread, where Async.of was not refused and read outside the transaction.
     */
    @Test
    void asyncOfInTheBodyIsRefusedAlsoWhenBeginFinishedFirst() {
        CompletableFuture<Long> done = TransactionChain.run(Djorm.DEFAULT_DB_ALIAS, DoneOnReturn::new,
                chain -> Async.of(Book.objects()).countAsync());
        assertThatThrownBy(() -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("tx.of(...)");
    }

    @Test
    void supplyAndAtomicInsideAStepAreRefused() {
        CompletableFuture<Book> supplied = Async.atomic(tx -> tx.of(Book.objects()).countAsync()
                .thenCompose(n -> Async.supply(() -> Book.objects().create("title", "escaped"))));
        assertThatThrownBy(() -> supplied.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("tx.supply(...)");
        CompletableFuture<Book> nested = Async.atomic(tx -> tx.of(Book.objects()).countAsync()
                .thenCompose(n -> Async.atomic(inner -> inner.of(Book.objects()).createAsync("title", "escaped"))));
        assertThatThrownBy(() -> nested.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("tx.atomic(...)");
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void workChainedAfterTheBlockRunsNormally() {
        CompletableFuture<Long> done = Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "inside"))
                .thenCompose(a -> Async.of(Book.objects()).createAsync("title", "after"))
                .thenCompose(b -> Async.of(Book.objects()).countAsync());
        assertThat(await(done)).isEqualTo(2L);
    }
}
