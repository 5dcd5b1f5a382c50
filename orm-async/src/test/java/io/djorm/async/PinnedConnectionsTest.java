package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each async worker owns one connection for its whole life: every call it runs, before and after an
 * idle pause, uses that connection, and no other worker ever uses it.
 */
class PinnedConnectionsTest extends AsyncBackendTest {
    private static final int WORKERS = 3;
    private final Map<String, Set<Object>> connectionsByThread = new ConcurrentHashMap<>();
    private final Map<Object, Set<String>> threadsByConnection = new ConcurrentHashMap<>();

    @BeforeEach
    void threeWorkers() {
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(WORKERS));
    }

    /** Runs {@code work} once on every worker: each call waits at a barrier until all three run at once. */
    private List<String> onEveryWorker(Runnable work) {
        CyclicBarrier together = new CyclicBarrier(WORKERS);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            calls.add(Async.supply(() -> {
                try {
                    // Shorter than the caller's wait, so two calls routed to one worker fail with this message.
                    together.await(TIMEOUT_SECONDS / 2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the workers did not all run at once", e);
                }
                work.run();
                return Thread.currentThread().getName();
            }));
        }
        return calls.stream().map(AsyncBackendTest::await).toList();
    }

    private void recordConnection() {
        Object connection = Djorm.handle(Djorm.DEFAULT_DB_ALIAS).current().connection();
        String thread = Thread.currentThread().getName();
        connectionsByThread.computeIfAbsent(thread, t -> ConcurrentHashMap.newKeySet()).add(connection);
        threadsByConnection.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(thread);
    }

    @Test
    void everyWorkerKeepsItsOwnConnectionAcrossIdlePauses() throws Exception {
        List<String> first = onEveryWorker(this::recordConnection);
        assertThat(first).containsExactlyInAnyOrder("djorm-async-default-1", "djorm-async-default-2",
                "djorm-async-default-3");
        for (int round = 0; round < 3; round++) {
            Thread.sleep(600); // idle: the old workers gave their connection back after such pauses
            onEveryWorker(this::recordConnection);
            for (int i = 0; i < 20; i++) await(Async.supply(() -> {
                recordConnection();
                return Book.objects().count();
            }));
        }
        assertThat(connectionsByThread).hasSize(WORKERS);
        connectionsByThread.forEach((thread, connections) -> assertThat(connections).as(thread).hasSize(1));
        threadsByConnection.forEach((connection, threads) -> assertThat(threads).hasSize(1));
    }

    @Test
    void aCallChainedOnAResultGoesToTheWorkerThatJustFreedUp() {
        // Callbacks run inline on the worker thread, so the chained submission happens right after the
        // first call's work and before its completion is fully settled: the worker must already count as
        // free, or light sequential load would spread over every worker (and three calls submitted
        // together just after a result could land two on one worker).
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(WORKERS).callbackExecutor(Runnable::run));
        String first = await(Async.supply(() -> Thread.currentThread().getName()));
        for (int i = 0; i < 5; i++) {
            String chained = await(Async.supply(() -> Thread.currentThread().getName())
                    .thenCompose(name -> Async.supply(() -> Thread.currentThread().getName())));
            assertThat(chained).isEqualTo(first);
        }
    }

    @Test
    void aTempTableIsSeenOnlyByTheWorkerThatCreatedIt() throws Exception {
        // Runs on the local-file backends only, in CI too. On a server (remote, and a replica's writes) a
        // TEMP table lives in whichever server stream ran the statement: tursodb shares one connection
        // among all clients, a full Hrana server opens a stream per autocommit request. It proves nothing
        // about djorm's pinning there; everyWorkerKeepsItsOwnConnectionAcrossIdlePauses covers every backend.
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.equals("sqlite") || backend.equals("libsql-local"),
                "TEMP tables live in one SQLite connection of a local file");
        onEveryWorker(() -> {
            Djorm.connection().execute("CREATE TEMP TABLE IF NOT EXISTS pinned_marker (thread TEXT)");
            Djorm.connection().execute("INSERT INTO pinned_marker VALUES (?)", Thread.currentThread().getName());
        });
        Thread.sleep(1600);
        Map<String, List<Object>> seen = new ConcurrentHashMap<>();
        onEveryWorker(() -> seen.put(Thread.currentThread().getName(),
                Djorm.connection().query("SELECT thread FROM pinned_marker").rows().stream().map(r -> r[0]).toList()));
        assertThat(seen).hasSize(WORKERS);
        seen.forEach((thread, markers) -> assertThat(markers).as(thread).containsExactly(thread));
        onEveryWorker(() -> Djorm.connection().execute("DROP TABLE pinned_marker"));
    }
}
