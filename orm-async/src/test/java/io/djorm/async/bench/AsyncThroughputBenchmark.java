package io.djorm.async.bench;

import io.djorm.async.Async;
import io.djorm.async.AsyncOptions;
import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Wall time of N gets by title ({@code get("title", ...)}, over 1,000 rows) done as a sequential sync
 * loop versus as N {@code getAsync} futures started at once and then awaited, per backend, on the
 * default async workers (each with its pinned connection). Each measurement is repeated; the lines
 * give the minimum and the median wall time of each side and the ratio of the medians (sequential /
 * concurrent). Every returned row is checked.
 *
 * <pre>
 * java -cp ... io.djorm.async.bench.AsyncThroughputBenchmark [backends] [gets] [repeats] [workers]
 *   backends  comma-separated, default sqlite,libsql-local,libsql-remote
 *   gets      gets per measurement, default 200
 *   repeats   measurements per side, default 15 (after 3 warm-up rounds)
 *   workers   async workers per alias, default AsyncOptions' default (0)
 * </pre>
 */
public final class AsyncThroughputBenchmark {
    private static final int ROWS = 1_000;
    private static final int WARMUP_ROUNDS = 3;

    private AsyncThroughputBenchmark() {
    }

    /** Runs the benchmark and prints one line per backend. */
    public static void main(String[] args) throws Exception {
        List<String> backends = List.of((args.length > 0 ? args[0] : "sqlite,libsql-local,libsql-remote").split(","));
        int gets = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        System.out.printf("%d cores, %d gets per measurement, %d measurements per side%n",
                Runtime.getRuntime().availableProcessors(), gets, repeats);
        System.out.printf("%-14s %7s %14s %14s %16s %16s %7s%n", "backend", "workers", "seq min ms",
                "seq median ms", "concurrent min", "concurrent median", "ratio");
        for (String backend : backends) run(backend, gets, repeats, workers);
    }

    private static void run(String backend, int gets, int repeats, int workers) throws Exception {
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

            for (int i = 0; i < WARMUP_ROUNDS; i++) {
                sequentialMillis(gets);
                concurrentMillis(gets);
            }
            double[] sequential = new double[repeats];
            double[] concurrent = new double[repeats];
            for (int i = 0; i < repeats; i++) { // interleaved, so drift on a shared machine hits both sides
                sequential[i] = sequentialMillis(gets);
                concurrent[i] = concurrentMillis(gets);
            }
            Arrays.sort(sequential);
            Arrays.sort(concurrent);
            int used = workers > 0 ? workers : Math.max(1, Math.min(AsyncOptions.DEFAULT_MAX_WORKERS,
                    Djorm.database("default").maxConnections() - 1));
            double ratio = median(sequential) / median(concurrent);
            System.out.printf("%-14s %7d %14.1f %14.1f %16.1f %16.1f %6.2fx%n", backend, used, sequential[0],
                    median(sequential), concurrent[0], median(concurrent), ratio);
        } finally {
            Async.shutdown();
            Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults());
            if (Djorm.isConfigured()) Djorm.shutdown();
            if (server != null) server.close();
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sequentialMillis(int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) check(Book.objects().get("title", "b" + (i % ROWS)), i);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double concurrentMillis(int n) {
        long start = System.nanoTime();
        List<CompletableFuture<Book>> futures = new ArrayList<>(n);
        var books = Async.of(Book.objects());
        for (int i = 0; i < n; i++) futures.add(books.getAsync("title", "b" + (i % ROWS)));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        double millis = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < n; i++) check(futures.get(i).join(), i);
        return millis;
    }

    private static void check(Book b, int i) {
        if (b.pages != i % ROWS) throw new AssertionError("get " + i + " returned the wrong row " + b.title);
    }
}
