package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.core.Transaction;
import io.djorm.testkit.TestBackend;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two clients' transactions do not see each other's uncommitted rows, on a full libSQL server (one
 * engine connection per Hrana stream): {@code libsql-server}. The other backends cannot show it: tursodb
 * shares one connection between all its clients ({@code libsql-remote}, and the replica that writes
 * through it), and on local files djorm starts transactions with {@code BEGIN IMMEDIATE}, so a second
 * transaction waits for the first instead of running beside it.
 */
@ParameterizedClass(name = "[{0}]", allowZeroInvocations = true)
@MethodSource("io.djorm.behaviour.IsolationTest#isolatingBackends")
class IsolationTest {
    @Parameter
    String backend;

    static List<String> isolatingBackends() {
        return TestBackend.selected().stream().filter(b -> b.equals("libsql-server")).toList();
    }

    @BeforeEach
    void useBackend() {
        BackendFixture.use(getClass(), backend, List.of(Author.class), List.of("io.djorm.behaviour.shop"));
    }

    @AfterAll
    static void releaseBackend() {
        BackendFixture.tearDown();
    }

    @Test
    void uncommittedRowsStayInvisibleToOtherClientsUntilCommit() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Long> seenInside = CompletableFuture.supplyAsync(() -> Transaction.atomic(() -> {
            Author.objects().create("name", "Hidden");
            long own = Author.objects().filter("name", "Hidden").count(); // sends the insert: it is on the server now
            written.countDown();
            await(checked);
            return own;
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Author.objects().filter("name", "Hidden").count()).isZero();
            long otherTransactionSees = Transaction.atomic(() -> Author.objects().filter("name", "Hidden").count());
            assertThat(otherTransactionSees).isZero();
        } finally {
            checked.countDown();
        }
        assertThat(seenInside.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(Author.objects().filter("name", "Hidden").count()).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNothingForOthers() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                Transaction.atomic(() -> {
                    Author.objects().create("name", "Undone");
                    Author.objects().count();
                    throw new IllegalStateException("undo");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(Author.objects().filter("name", "Undone").exists()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the other client never checked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
