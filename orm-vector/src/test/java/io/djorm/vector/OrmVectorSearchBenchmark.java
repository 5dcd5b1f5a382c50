package io.djorm.vector;

import io.djorm.core.Djorm;
import io.djorm.core.QuerySet;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import io.djorm.vector.backends.library.Chunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures a top-10 search through the ORM, as an application runs it:
 * {@code annotate("score", new CosineDistance("embedding", query)).orderBy("score").slice(0, 10).list()}
 * over random unit vectors of 384 dimensions, on a fresh database of one backend (a tursodb server is
 * started for {@code libsql-remote}), loading whole rows and then with the embedding deferred. Prints
 * the median, fastest and slowest query of each. Not a unit test.
 *
 * <pre>
 * java -cp ... io.djorm.vector.OrmVectorSearchBenchmark [backend] [rows] [queries]
 *   backend: sqlite (default), libsql-local or libsql-remote; rows default 100000; queries default 21
 * </pre>
 */
public final class OrmVectorSearchBenchmark {
    private static final int BATCH = 500;

    private OrmVectorSearchBenchmark() {
    }

    /** Fills the database, runs the queries and prints the timings. */
    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : "sqlite";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        Path dir = TestDatabases.tempDir("djorm-vector-bench-");
        TestServer server = TestDatabases.startServer(backend);
        try {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("DATABASES", Map.of("default", TestDatabases.settings(backend, dir, server == null ? null : server.url())));
            settings.put("INSTALLED_APPS", List.of("io.djorm.vector.backends.library"));
            Djorm.configure(settings);
            Djorm.connection().createTables(Chunk.class);
            long fillStart = System.nanoTime();
            fill(rows);
            System.out.printf("%s: filled %d rows in %.1f s%n", backend, rows, (System.nanoTime() - fillStart) / 1e9);

            measure(backend + ", whole rows", rows, queries, false);
            measure(backend + ", defer(\"embedding\")", rows, queries, true);
        } finally {
            if (Djorm.isConfigured()) Djorm.shutdown();
            if (server != null) server.close();
        }
    }

    /** Times {@code queries} searches after a warm-up and prints the median. */
    private static void measure(String label, int rows, int queries, boolean deferEmbedding) {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 3; i++) search(randomUnitVector(random), deferEmbedding);
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            float[] query = randomUnitVector(random);
            long start = System.nanoTime();
            int found = search(query, deferEmbedding);
            nanos[i] = System.nanoTime() - start;
            if (found != 10) throw new IllegalStateException("expected 10 rows, got " + found);
        }
        Arrays.sort(nanos);
        System.out.printf("%s: top-10 by cosine over %d x %d: median %.1f ms, min %.1f ms, max %.1f ms (%d queries)%n",
                label, rows, Chunk.DIMENSIONS, nanos[queries / 2] / 1e6, nanos[0] / 1e6, nanos[queries - 1] / 1e6, queries);
    }

    /**
     * One search. Deferring the embedding keeps SQLite from carrying every row's 1.5 kB blob through
     * its top-k sorter, which costs about a quarter of the time on a local file.
     */
    private static int search(float[] query, boolean deferEmbedding) {
        QuerySet<Chunk> chunks = Chunk.objects().all();
        if (deferEmbedding) chunks = chunks.defer("embedding");
        return chunks.annotate("score", new CosineDistance("embedding", query))
                .orderBy("score").slice(0, 10).list().size();
    }

    private static void fill(int rows) {
        SplittableRandom random = new SplittableRandom(42);
        for (int from = 0; from < rows; from += BATCH) {
            List<Chunk> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                Chunk chunk = new Chunk();
                chunk.embedding = randomUnitVector(random);
                batch.add(chunk);
            }
            Chunk.objects().bulkCreate(batch);
        }
        long stored = Chunk.objects().count();
        if (stored != rows) throw new IllegalStateException("stored " + stored + " rows instead of " + rows);
    }

    private static float[] randomUnitVector(SplittableRandom random) {
        float[] v = new float[Chunk.DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
            norm += (double) v[i] * v[i];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] * scale);
        return v;
    }
}
