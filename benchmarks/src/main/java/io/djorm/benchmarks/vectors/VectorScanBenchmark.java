package io.djorm.benchmarks.vectors;

import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.QueryCapture;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.VectorSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exact top-10 cosine search over stored 384-dimension vectors (issue 19, goal 4): djorm's
 * {@link VectorSearch#nearest} on a local file or replica against the in-memory floor (the same vectors
 * in one {@code float[]}, a plain Java loop), with the top-10 ids of both compared on every query, and
 * the same search written in SQL ({@code annotate(CosineDistance).orderBy(...).limit(10)}, a SQL
 * function call per row) for reference. Prints min and median per backend and the ratios of the
 * medians, and the time of the first search, which reads the vectors and keeps them for the later ones
 * ({@link VectorSearch#setCacheLimit}; {@code -Ddjorm.vector.cacheBytes=0} measures without keeping them).
 * Not a unit test.
 *
 * <pre>
 * java -cp ... io.djorm.benchmarks.vectors.VectorScanBenchmark [rows] [queries] [backends]
 *   rows default 100000; queries default 21; backends default sqlite,libsql-local,libsql-replica
 * </pre>
 */
public final class VectorScanBenchmark {
    private static final int K = 10;
    private static final int WARMUP = 5;
    private static final int BATCH = 500;

    private VectorScanBenchmark() {
    }

    /** Runs the comparison on each backend named. */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        List<String> backends = List.of((args.length > 2 ? args[2] : "sqlite,libsql-local,libsql-replica").split(","));
        System.out.printf("vector top-%d, %d x %d, %d queries after %d warm-up, %d cores, java %s%n", K, rows,
                Embedding.DIMENSIONS, queries, WARMUP, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (String backend : backends) run(backend, rows, queries);
    }

    private static void run(String backend, int rows, int queries) {
        TestServer server = TestDatabases.startServer(backend);
        try {
            Map<String, Object> db = new LinkedHashMap<>(TestDatabases.settings(backend,
                    TestDatabases.tempDir("djorm-vector-scan-"), server == null ? null : server.url()));
            if (server != null) db.put("OPTIONS", Map.of("TIMEOUT", 600));
            Djorm.configure(Map.of("DATABASES", Map.of("default", db),
                    "INSTALLED_APPS", List.of("io.djorm.benchmarks.vectors")));
            Djorm.connection().createTables(Embedding.class);
            fill(rows);
            if (server != null) Djorm.connection().syncReplica();
            InMemoryFloor floor = loadFloor(rows);
            SplittableRandom random = new SplittableRandom(19);
            long[] djorm = new long[queries];
            long[] inMemory = new long[queries];
            long[] inSql = new long[queries];
            int mismatches = 0;
            long firstSearchNanos = 0;
            String path = "";
            for (int i = -WARMUP; i < queries; i++) {
                float[] query = unitVector(random);
                long start = System.nanoTime();
                List<Long> expected = floor.nearest(query, K);
                long floorNanos = System.nanoTime() - start;
                List<Embedding> found;
                start = System.nanoTime();
                try (QueryCapture sql = QueryCapture.start()) {
                    found = VectorSearch.nearest(Embedding.objects().all(), "embedding", query, K);
                    path = String.join(" ; ", sql.queries().stream().map(q -> q.sql()).toList());
                }
                long djormNanos = System.nanoTime() - start;
                if (i == -WARMUP) firstSearchNanos = djormNanos;
                start = System.nanoTime();
                List<Object> sqlIds = Embedding.objects().annotate("d", new CosineDistance("embedding", query))
                        .orderBy("d", "pk").limit(K).list().stream().map(Model::pk).toList();
                long sqlNanos = System.nanoTime() - start;
                if (!sqlIds.equals(new ArrayList<Object>(expected))) mismatches++;
                List<Object> ids = found.stream().map(Model::pk).toList();
                if (!ids.equals(new ArrayList<Object>(expected))) mismatches++;
                if (i >= 0) {
                    djorm[i] = djormNanos;
                    inMemory[i] = floorNanos;
                    inSql[i] = sqlNanos;
                }
            }
            Arrays.sort(djorm);
            Arrays.sort(inMemory);
            Arrays.sort(inSql);
            double djormMedian = djorm[queries / 2] / 1e6;
            double floorMedian = inMemory[queries / 2] / 1e6;
            System.out.printf("%-15s djorm min %6.1f ms median %6.1f ms | in-memory floor min %5.1f ms median %5.1f ms"
                            + " | ratio %.2fx | top-10 mismatches (both paths) %d/%d%n", backend, djorm[0] / 1e6, djormMedian,
                    inMemory[0] / 1e6, floorMedian, djormMedian / floorMedian, mismatches, 2 * (queries + WARMUP));
            System.out.printf("%-15s SQL function per row (annotate/orderBy/limit): min %6.1f ms median %6.1f ms | ratio %.2fx%n",
                    backend, inSql[0] / 1e6, inSql[queries / 2] / 1e6, inSql[queries / 2] / 1e6 / floorMedian);
            System.out.printf("%-15s first search (%s): %6.1f ms; vector cache limit %d MB%n", backend,
                    VectorSearch.cacheLimit() == 0 ? "cache off: every search reads the vectors" : "reads and keeps the vectors",
                    firstSearchNanos / 1e6, VectorSearch.cacheLimit() >> 20);
            System.out.printf("%-15s SQL of the last search: %s%n", backend, path);
        } finally {
            if (Djorm.isConfigured()) Djorm.shutdown();
            if (server != null) server.close();
        }
    }

    /** The stored vectors read once into one array, as the floor holds them. */
    private static InMemoryFloor loadFloor(int rows) {
        long[] ids = new long[rows];
        float[] vectors = new float[rows * Embedding.DIMENSIONS];
        int row = 0;
        for (Embedding e : Embedding.objects().orderBy("id").list()) {
            ids[row] = (Long) e.pk();
            System.arraycopy(e.embedding, 0, vectors, row * Embedding.DIMENSIONS, Embedding.DIMENSIONS);
            row++;
        }
        if (row != rows) throw new IllegalStateException("read " + row + " rows instead of " + rows);
        return new InMemoryFloor(ids, vectors, Embedding.DIMENSIONS);
    }

    private static void fill(int rows) {
        SplittableRandom random = new SplittableRandom(42);
        for (int from = 0; from < rows; from += BATCH) {
            List<Embedding> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                Embedding e = new Embedding();
                e.embedding = unitVector(random);
                batch.add(e);
            }
            Embedding.objects().bulkCreate(batch);
        }
    }

    private static float[] unitVector(SplittableRandom random) {
        float[] v = new float[Embedding.DIMENSIONS];
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
