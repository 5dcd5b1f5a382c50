package io.djorm.vector.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.QueryCapture;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Expression;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.L2Distance;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.VectorSearch;
import io.djorm.vector.backends.library.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorSearch#nearest} on every backend, on 5,000 clustered vectors: through libSQL's vector
 * index where the database has one (libsql-server), with recall@10 against exact search of at least
 * 0.95; exact elsewhere, equal to a brute-force ranking. The SQL shows which path ran.
 */
class ApproximateSearchTest extends VectorBackendTest {
    private static final int ROWS = 5_000;
    private static final int CLUSTERS = 25;
    private static final int QUERIES = 30;
    private static final int K = 10;

    @Override
    protected List<Class<?>> models() {
        return List.of(Passage.class);
    }

    @Test
    void nearestUsesTheIndexWhereThereIsOneAndMeetsTheRecallBar() {
        Random random = new Random(20);
        Map<Long, float[]> rows = fill(random);
        VectorIndex index = VectorIndex.forField(Passage.class, "embedding").recommended();
        boolean indexed = Djorm.handle("default").call(index::createIfSupported);
        assertThat(indexed).as("only the libSQL engine has vector indexes").isEqualTo(backend.equals("libsql-server"));
        try {
            List<Long> ids = new ArrayList<>(rows.keySet());
            double hits = 0;
            for (int q = 0; q < QUERIES; q++) {
                float[] query = near(rows.get(ids.get(random.nextInt(ROWS))), random, 0.2f);
                List<Long> exact = BruteForce.topK(rows, query, K, BruteForce::cosine);
                List<Passage> found;
                try (QueryCapture sql = QueryCapture.start()) {
                    found = VectorSearch.nearest(Passage.objects().all(), "embedding", query, K);
                    assertThat(sql.queries()).anyMatch(s -> s.sql().contains("vector_top_k") == indexed);
                }
                assertThat(found).hasSize(K);
                List<Double> distances = found.stream().map(p -> (Double) p.annotation(VectorSearch.DISTANCE)).toList();
                assertThat(distances).isSorted();
                Set<Long> got = new HashSet<>();
                for (Passage p : found) got.add((Long) p.pk());
                if (!indexed) assertThat(found).extracting(p -> (Long) p.pk()).containsExactlyElementsOf(exact);
                hits += exact.stream().filter(got::contains).count();
            }
            double recall = hits / (QUERIES * K);
            assertThat(recall).as("recall@10 against exact search").isGreaterThanOrEqualTo(0.95);
        } finally {
            Djorm.handle("default").call(c -> {
                index.dropIfExists(c);
                return null;
            });
        }
    }

    @Test
    void filtersApplyToTheCandidatesAndTheShapeIsTheSameEverywhere() {
        Random random = new Random(21);
        Map<Long, float[]> rows = fill(random);
        Map<Long, Integer> clusterOf = new LinkedHashMap<>();
        Passage.objects().valuesList("id", "cluster").list().forEach(r -> clusterOf.put((Long) r.get(0), ((Number) r.get(1)).intValue()));
        VectorIndex index = VectorIndex.forField(Passage.class, "embedding");
        Djorm.handle("default").call(index::createIfSupported);
        try {
            long first = rows.keySet().iterator().next();
            float[] query = near(rows.get(first), random, 0.1f);
            int otherCluster = (clusterOf.get(first) + 1) % CLUSTERS; // far from the query: few index candidates are in it
            List<Passage> found = VectorSearch.nearest(Passage.objects().filter("cluster", otherCluster), "embedding", query, K);
            Map<Long, float[]> inCluster = new LinkedHashMap<>();
            rows.forEach((id, v) -> {
                if (clusterOf.get(id) == otherCluster) inCluster.put(id, v);
            });
            assertThat(found).hasSize(K).allMatch(p -> p.cluster == otherCluster);
            Set<Long> exact = new HashSet<>(BruteForce.topK(inCluster, query, K, BruteForce::cosine));
            long hits = found.stream().filter(p -> exact.contains((Long) p.pk())).count();
            assertThat(hits).isGreaterThanOrEqualTo(K - 1L);
            List<Passage> l2 = VectorSearch.nearest(Passage.objects().all(), "embedding", query, 3, VectorIndex.Metric.L2);
            assertThat(l2).extracting(p -> (Long) p.pk()).containsExactlyElementsOf(BruteForce.topK(rows, query, 3, BruteForce::l2));
        } finally {
            Djorm.handle("default").call(c -> {
                index.dropIfExists(c);
                return null;
            });
        }
    }

    @Test
    void exactSearchRanksLikeTheSqlOrderingAndShowsItsPath() {
        Random random = new Random(22);
        Map<Long, float[]> rows = fill(random);
        boolean local = List.of("sqlite", "libsql-local", "libsql-replica").contains(backend);
        for (VectorIndex.Metric metric : VectorIndex.Metric.values()) {
            float[] query = near(rows.values().iterator().next(), random, 0.3f);
            QuerySet<Passage> inCluster = Passage.objects().filter("cluster__in", List.of(1, 2, 3));
            List<Passage> found;
            VectorSearch.clearCache(); // else the second metric ranks the vectors the first one's scan kept
            try (QueryCapture sql = QueryCapture.start()) {
                found = VectorSearch.nearest(inCluster, "embedding", query, K, metric);
                // On a file the rows come from one scan whose SQL computes no distance; a server ranks them itself.
                assertThat(sql.queries()).anyMatch(q -> q.sql().contains("\"cluster\" IN")
                        && q.sql().contains("vector_distance") != local && !q.sql().contains("vector_top_k"));
            }
            Expression distance = metric == VectorIndex.Metric.L2 ? new L2Distance("embedding", query)
                    : new CosineDistance("embedding", query);
            List<Passage> bySql = inCluster.annotate("d", distance).orderBy("d", "pk").limit(K).list();
            assertThat(found).extracting(p -> (Long) p.pk()).containsExactlyElementsOf(bySql.stream().map(p -> (Long) p.pk()).toList());
            assertThat(found).extracting(p -> (Double) p.annotation(VectorSearch.DISTANCE))
                    .containsExactlyElementsOf(bySql.stream().map(p -> (Double) p.annotation("d")).toList());
            assertThat(found).allMatch(p -> List.of(1, 2, 3).contains(p.cluster));
        }
        assertThat(VectorSearch.nearest(Passage.objects().filter("cluster", -1), "embedding", new float[Passage.DIMENSIONS], K)).isEmpty();
    }

    @Test
    void annotateOrderByLimitReadsTheIndexWhereThereIsOneAndShowsItsPath() {
        Random random = new Random(23);
        Map<Long, float[]> rows = fill(random);
        Map<Long, Integer> clusterOf = new LinkedHashMap<>();
        Passage.objects().valuesList("id", "cluster").list().forEach(r -> clusterOf.put((Long) r.get(0), ((Number) r.get(1)).intValue()));
        VectorIndex index = VectorIndex.forField(Passage.class, "embedding").recommended();
        boolean indexed = Djorm.handle("default").call(index::createIfSupported);
        try {
            List<Long> ids = new ArrayList<>(rows.keySet());
            double hits = 0;
            for (int q = 0; q < QUERIES; q++) {
                float[] query = near(rows.get(ids.get(random.nextInt(ROWS))), random, 0.2f);
                QuerySet<Passage> topK = Passage.objects().annotate("d", new CosineDistance("embedding", query)).orderBy("d").limit(K);
                List<Passage> found;
                try (QueryCapture sql = QueryCapture.start()) {
                    found = topK.list();
                    if (indexed) assertThat(sql.queries()).anyMatch(s -> s.sql().contains("vector_top_k"));
                    else assertThat(sql.queries()).noneMatch(s -> s.sql().contains("vector_top_k"));
                }
                assertThat(topK.explain().contains("vector_top_k")).as("explain shows the path").isEqualTo(indexed);
                assertThat(found).hasSize(K);
                assertThat(found.stream().map(p -> (Double) p.annotation("d")).toList()).isSorted();
                List<Long> exact = BruteForce.topK(rows, query, K, BruteForce::cosine);
                if (!indexed) assertThat(found).extracting(p -> (Long) p.pk()).containsExactlyElementsOf(exact);
                Set<Long> got = new HashSet<>();
                found.forEach(p -> got.add((Long) p.pk()));
                hits += exact.stream().filter(got::contains).count();

                // A filter applies to the k candidates (approximate) or to every row (exact).
                int cluster = clusterOf.get(found.get(0).pk());
                List<Passage> filtered = Passage.objects().filter("cluster", cluster)
                        .annotate("d", new CosineDistance("embedding", query)).orderBy("d").limit(K).list();
                assertThat(filtered).allMatch(p -> p.cluster == cluster);
                if (indexed) {
                    assertThat(filtered).extracting(p -> (Long) p.pk()).isSubsetOf(got);
                } else {
                    Map<Long, float[]> inCluster = new LinkedHashMap<>();
                    rows.forEach((id, v) -> {
                        if (clusterOf.get(id) == cluster) inCluster.put(id, v);
                    });
                    assertThat(filtered).extracting(p -> (Long) p.pk())
                            .containsExactlyElementsOf(BruteForce.topK(inCluster, query, K, BruteForce::cosine));
                }
            }
            assertThat(hits / (QUERIES * K)).as("recall@10 against exact search").isGreaterThanOrEqualTo(0.95);
            // The index orders by cosine distance: an L2 ordering stays exact.
            float[] query = rows.get(ids.get(0));
            try (QueryCapture sql = QueryCapture.start()) {
                List<Passage> l2 = Passage.objects().annotate("d", new L2Distance("embedding", query)).orderBy("d").limit(3).list();
                assertThat(sql.queries()).noneMatch(s -> s.sql().contains("vector_top_k"));
                assertThat(l2).extracting(p -> (Long) p.pk()).containsExactlyElementsOf(BruteForce.topK(rows, query, 3, BruteForce::l2));
            }
        } finally {
            Djorm.handle("default").call(c -> {
                index.dropIfExists(c);
                return null;
            });
        }
    }

    /** Stores ROWS vectors around CLUSTERS random centres and returns them by id. */
    private static Map<Long, float[]> fill(Random random) {
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < CLUSTERS; c++) centres.add(gaussian(random, 1f));
        List<Passage> passages = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Passage p = new Passage();
            p.cluster = i % CLUSTERS;
            p.embedding = near(centres.get(p.cluster), random, 0.35f);
            passages.add(p);
        }
        Passage.objects().bulkCreate(passages, 500);
        Map<Long, float[]> rows = new LinkedHashMap<>();
        for (Passage p : Passage.objects().orderBy("id").list()) rows.put((Long) p.pk(), p.embedding);
        assertThat(rows).hasSize(ROWS);
        return rows;
    }

    private static float[] near(float[] centre, Random random, float spread) {
        float[] noise = gaussian(random, spread);
        for (int i = 0; i < noise.length; i++) noise[i] += centre[i];
        return noise;
    }

    private static float[] gaussian(Random random, float scale) {
        float[] v = new float[Passage.DIMENSIONS];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * scale;
        return v;
    }
}
