package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cancel(true)} and {@code orTimeout} stop a statement that is already running: a local file's
 * statement is interrupted (sqlite3_interrupt), a server's HTTP call is cancelled.
 */
class StatementInterruptTest extends AsyncBackendTest {
    /** Never ends on its own: counts an endless recursive sequence. */
    private static final String ENDLESS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
            + "SELECT count(*) FROM n";
    private static final HeldCalls HELD = new HeldCalls();

    @BeforeEach
    @Override
    void useBackend() {
        AsyncFixture.use(getClass(), backend, settings -> {
            if (!isLocal()) {
                Map<String, Object> options = new HashMap<>();
                Object old = settings.get("OPTIONS");
                if (old instanceof Map<?, ?> m) m.forEach((k, v) -> options.put((String) k, v));
                options.put("INTERCEPTORS", List.of(HELD));
                settings.put("OPTIONS", options);
            }
            return settings;
        });
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(1));
        HELD.reset();
    }

    private boolean isLocal() {
        return backend.equals("sqlite") || backend.equals("libsql-local");
    }

    /** Starts a statement that runs until stopped: an endless query on a file, a held HTTP call on a server. */
    private CompletableFuture<?> startEndlessStatement() throws InterruptedException {
        if (isLocal()) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<?> f = Async.supply(() -> {
                started.countDown();
                return Djorm.connection().query(ENDLESS);
            });
            assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // let the query get going
            return f;
        }
        HELD.arm();
        CompletableFuture<?> f = Async.of(Book.objects()).createAsync("title", "held");
        assertThat(HELD.entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the HTTP call started").isTrue();
        return f;
    }

    /** The worker is free again: its statement really stopped, and nothing of it was written. */
    private void assertStatementStopped() throws InterruptedException {
        if (!isLocal()) {
            assertThat(HELD.cancelled.await(5, TimeUnit.SECONDS)).as("the HTTP call was cancelled").isTrue();
        }
        CompletableFuture<Long> next = Async.of(Book.objects()).countAsync();
        assertThat(await(next)).isZero();
    }

    @Test
    void cancelWithInterruptStopsARunningStatement() throws Exception {
        CompletableFuture<?> running = startEndlessStatement();
        assertThat(running.cancel(true)).as("cancel of %s", running).isTrue();
        assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
        assertStatementStopped();
    }

    @Test
    void aTimeoutStopsARunningStatement() throws Exception {
        CompletableFuture<?> running = startEndlessStatement().orTimeout(100, TimeUnit.MILLISECONDS);
        assertThatThrownBy(() -> running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(TimeoutException.class);
        assertStatementStopped();
    }

    /**
     * Holds an armed pipeline call until OkHttp reports it cancelled (or 30 s pass), without sending it:
     * it observes the cancellation of the HTTP call itself.
     */
    static final class HeldCalls implements Interceptor {
        private volatile boolean armed;
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch cancelled = new CountDownLatch(1);

        void reset() {
            armed = false;
            entered = new CountDownLatch(1);
            cancelled = new CountDownLatch(1);
        }

        void arm() {
            armed = true;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            if (!armed || !chain.request().url().encodedPath().endsWith("pipeline")) return chain.proceed(chain.request());
            armed = false;
            entered.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!chain.call().isCanceled() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (chain.call().isCanceled()) cancelled.countDown();
            throw new IOException("Canceled");
        }
    }
}
