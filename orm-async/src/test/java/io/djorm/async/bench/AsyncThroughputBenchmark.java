package io.djorm.async.bench;

import io.djorm.async.Async;
import io.djorm.async.AsyncOptions;
import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Throughput of N primary-key-free gets ({@code get("title", ...)}) done as a sync loop versus as N
 * async futures in flight at once, on the same data, per backend.
 *
 * <pre>
 * java -cp ... io.djorm.async.bench.AsyncThroughputBenchmark [backends] [gets] [workers]
 *   backends  comma-separated, default sqlite,libsql-remote
 *   gets      default 10000
 *   workers   async workers per alias, default AsyncOptions' default (0)
 * </pre>
 */
public final class AsyncThroughputBenchmark {
    private static final int ROWS = 1_000;

    private AsyncThroughputBenchmark() {
    }

    /** Runs the benchmark and prints one line per backend. */
    public static void main(String[] args) throws Exception {
        List<String> backends = List.of((args.length > 0 ? args[0] : "sqlite,libsql-remote").split(","));
        int gets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        System.out.printf("%-16s %8s %7s %12s %12s %7s%n", "backend", "gets", "workers", "sync ops/s", "async ops/s", "ratio");
        for (String backend : backends) run(backend, gets, workers);
    }

    private static void run(String backend, int gets, int workers) throws Exception {
        TestServer server = TestDatabases.startServer(backend);
        try {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("DATABASES", Map.of("default", TestDatabases.settings(backend,
                    TestDatabases.tempDir("djorm-async-bench-"), server == null ? null : server.url())));
            settings.put("INSTALLED_APPS", List.of("io.djorm.async.demo"));
            Djorm.configure(settings);
            if (workers > 0) Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(workers));
            Djorm.connection().createTables(Book.class);
            List<Book> books = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) books.add(Book.of("b" + i, i));
            Book.objects().bulkCreate(books);

            int warmup = Math.min(gets, 500);
            syncGets(warmup);
            asyncGets(warmup);
            double sync = syncGets(gets);
            double async = asyncGets(gets);
            int used = workers > 0 ? workers : Math.max(1, Math.min(AsyncOptions.DEFAULT_MAX_WORKERS,
                    Djorm.database("default").maxConnections() - 1));
            System.out.printf("%-16s %8d %7d %12.0f %12.0f %6.2fx%n", backend, gets, used, sync, async, async / sync);
        } finally {
            Async.shutdown();
            Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults());
            if (Djorm.isConfigured()) Djorm.shutdown();
            if (server != null) server.close();
        }
    }

    private static double syncGets(int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) check(Book.objects().get("title", "b" + (i % ROWS)), i);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double asyncGets(int n) {
        long start = System.nanoTime();
        List<CompletableFuture<Book>> futures = new ArrayList<>(n);
        var books = Async.of(Book.objects());
        for (int i = 0; i < n; i++) futures.add(books.getAsync("title", "b" + (i % ROWS)));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        double rate = n / ((System.nanoTime() - start) / 1e9);
        for (int i = 0; i < n; i++) check(futures.get(i).join(), i);
        return rate;
    }

    private static void check(Book b, int i) {
        if (b.pages != i % ROWS) throw new AssertionError("get " + i + " returned the wrong row " + b.title);
    }
}
