package io.djorm.sqlite.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.InstrumentedConnection;
import io.djorm.sqlite.SqliteConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool hands a connection given back to the next borrower without its lock while nobody waits; a
 * borrower that waits is still woken by the next give-back, and closing the alias closes that connection.
 */
class PoolHandOverTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configure() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME",
                dir.resolve("p.db").toString(), "OPTIONS", Map.of("pool_size", 1)))));
    }

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    @Test
    void aBorrowerWaitingForTheOnlyConnectionGetsItWhenItIsGivenBack() throws Exception {
        DatabaseHandle handle = Djorm.handle("default");
        DatabaseHandle.Binding held = handle.acquire();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            DatabaseHandle.Binding b = handle.acquire();
            try {
                return b.connection();
            } finally {
                handle.release(b);
            }
        });
        started.await();
        Thread.sleep(100); // most likely asleep on the pool by now
        handle.release(held);
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isSameAs(held.connection());
    }

    @Test
    void twoThreadsTakingTurnsOnOneConnectionNeverWaitForTheTimeout() throws Exception {
        DatabaseHandle handle = Djorm.handle("default");
        Runnable turns = () -> {
            for (int i = 0; i < 20_000; i++) {
                DatabaseHandle.Binding b = handle.acquire();
                handle.release(b);
            }
        };
        CompletableFuture<Void> a = CompletableFuture.runAsync(turns);
        CompletableFuture<Void> b = CompletableFuture.runAsync(turns);
        // a give-back lost by a sleeping borrower would show as a 30 s wait and then an error
        CompletableFuture.allOf(a, b).get(25, TimeUnit.SECONDS);
    }

    @Test
    void closingTheAliasClosesTheConnectionLastGivenBack() throws Exception {
        DatabaseHandle handle = Djorm.handle("default");
        DatabaseHandle.Binding b = handle.acquire();
        SqliteConnection connection = (SqliteConnection) ((InstrumentedConnection) b.connection()).delegate();
        handle.release(b);
        assertThat(connection.jdbc().isClosed()).isFalse();
        Djorm.shutdown();
        assertThat(connection.jdbc().isClosed()).isTrue();
    }
}
