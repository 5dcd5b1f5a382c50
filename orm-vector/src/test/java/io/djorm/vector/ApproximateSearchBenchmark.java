package io.djorm.vector;

import io.djorm.core.Djorm;
import io.djorm.core.QueryCapture;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import io.djorm.vector.backends.library.Chunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Top-10 nearest neighbours over clustered vectors of 384 dimensions on the libSQL engine (the test
 * kit's libsql-server): through a {@link VectorIndex} ({@code vector_top_k}) and by exact search on
 * the same server, with {@link VectorSearch#nearest} both times; prints the index build time, the
 * median query times and the recall@10 of the index against exact search. Not a unit test.
 *
 * <pre>
 * java -cp ... io.djorm.vector.ApproximateSearchBenchmark [rows] [queries] [maxNeighbors] [compression] [searchL]
 *   rows default 100000; queries default 21; the index options default to VectorIndex.recommended()'s
 * </pre>
 */
public final class ApproximateSearchBenchmark {
    private static final int BATCH = 500;
    private static final int CLUSTERS = 200;
    private static final int K = 10;

    private ApproximateSearchBenchmark() {
    }

    /** Fills the database, builds the index, runs the queries and prints the figures. */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        String backend = "libsql-server";
        TestServer server = TestDatabases.startServer(backend);
        try {
            Map<String, Object> db = new LinkedHashMap<>(TestDatabases.settings(backend,
                    TestDatabases.tempDir("djorm-ann-bench-"), server.url()));
            db.put("OPTIONS", Map.of("TIMEOUT", 3 * 3600)); // building the index is one long statement
            Djorm.configure(Map.of("DATABASES", Map.of("default", db),
                    "INSTALLED_APPS", List.of("io.djorm.vector.backends.library")));
            Djorm.connection().createTables(Chunk.class);
            SplittableRandom random = new SplittableRandom(7);
            List<float[]> centres = new ArrayList<>();
            for (int c = 0; c < CLUSTERS; c++) centres.add(gaussian(random, 1));
            long fillStart = System.nanoTime();
            fill(rows, centres, random);
            System.out.printf("filled %d x %d in %.1f s%n", rows, Chunk.DIMENSIONS, (System.nanoTime() - fillStart) / 1e9);

            List<float[]> probes = new ArrayList<>();
            for (int i = 0; i < queries + 3; i++) probes.add(near(centres.get(random.nextInt(CLUSTERS)), random, 0.3));
            List<List<Object>> exact = new ArrayList<>();
            double exactMs = measure("exact search", probes, exact, K);

            VectorIndex index = VectorIndex.forField(Chunk.class, "embedding");
            if (args.length > 2) index = index.maxNeighbors(Integer.parseInt(args[2]));
            if (args.length > 3) index = index.compressNeighbors(args[3]);
            if (args.length > 4) index = index.searchL(Integer.parseInt(args[4]));
            VectorIndex built = index;
            long buildStart = System.nanoTime();
            Djorm.handle("default").call(c -> {
                built.create(c);
                return null;
            });
            System.out.printf("built %s in %.1f s%n", built, (System.nanoTime() - buildStart) / 1e9);

            for (int candidates : new int[] {K, K * 4, K * 10}) {
                List<List<Object>> approximate = new ArrayList<>();
                double indexMs = measure("vector_top_k, " + candidates + " candidates", probes, approximate, candidates);
                double hits = 0;
                for (int q = 0; q < probes.size(); q++) {
                    Set<Object> truth = new HashSet<>(exact.get(q));
                    hits += approximate.get(q).stream().filter(truth::contains).count();
                }
                System.out.printf("  recall@10 against exact search: %.3f over %d queries; speed-up %.1fx%n",
                        hits / (probes.size() * (double) K), probes.size(), exactMs / indexMs);
            }
        } finally {
            if (Djorm.isConfigured()) Djorm.shutdown();
            server.close();
        }
    }

    /** Runs every probe (the first three as warm-up), keeps the ids found, prints and returns the median. */
    private static double measure(String label, List<float[]> probes, List<List<Object>> found, int candidates) {
        long[] nanos = new long[probes.size() - 3];
        boolean sawIndex = false;
        for (int i = 0; i < probes.size(); i++) {
            long start = System.nanoTime();
            List<Chunk> hits;
            try (QueryCapture sql = QueryCapture.start()) {
                hits = VectorSearch.nearest(Chunk.objects().defer("embedding"), "embedding", probes.get(i), K,
                        VectorIndex.Metric.COSINE, candidates);
                sawIndex |= sql.queries().stream().anyMatch(q -> q.sql().contains("vector_top_k"));
            }
            if (i >= 3) nanos[i - 3] = System.nanoTime() - start;
            if (hits.size() != K) throw new IllegalStateException("expected " + K + " rows, got " + hits.size());
            found.add(hits.stream().map(c -> c.pk()).toList());
        }
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1e6;
        System.out.printf("%s (%s): top-%d median %.1f ms, min %.1f ms, max %.1f ms over %d queries%n", label,
                sawIndex ? "index" : "no index", K, median, nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
        return median;
    }

    private static void fill(int rows, List<float[]> centres, SplittableRandom random) {
        for (int from = 0; from < rows; from += BATCH) {
            List<Chunk> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                Chunk chunk = new Chunk();
                chunk.embedding = near(centres.get(random.nextInt(centres.size())), random, 0.3);
                batch.add(chunk);
            }
            Chunk.objects().bulkCreate(batch);
        }
    }

    private static float[] near(float[] centre, SplittableRandom random, double spread) {
        float[] v = gaussian(random, spread);
        for (int i = 0; i < v.length; i++) v[i] += centre[i];
        return v;
    }

    private static float[] gaussian(SplittableRandom random, double scale) {
        float[] v = new float[Chunk.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17
            double u = 1 - random.nextDouble();
            double w = random.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w) * scale);
        }
        return v;
    }
}
