package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.ValidationError;
import io.djorm.core.QueryCapture;
import io.djorm.testkit.LibsqlTestServer;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.VectorSearch;
import io.djorm.docs.shop.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The snippets of docs/vectors.md, on a plain SQLite file (orm-vector adds libSQL's functions to it). */
class VectorsSnippetsTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void open() {
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("v.db").toString())),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        Djorm.connection().createTables(Passage.class);
    }

    @AfterEach
    void close() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    @Test
    void nearestNeighbours() {
        // region vectors-store
        Passage.objects().create("text", "cats purr", "embedding", new float[] {0.9f, 0.1f, 0f});
        Passage.objects().create("text", "dogs bark", "embedding", new float[] {0.7f, 0.7f, 0f});
        Passage.objects().create("text", "stocks fell", "embedding", new float[] {0f, 0.1f, 0.9f});
        // endregion vectors-store

        // region vectors-search
        float[] query = {1f, 0f, 0f};
        List<Passage> nearest = Passage.objects()
                .annotate("distance", new CosineDistance("embedding", query))
                .orderBy("distance")
                .limit(2)
                .list();
        for (Passage p : nearest) System.out.printf("%.3f %s%n", (Double) p.annotation("distance"), p.text);
        // 0.006 cats purr
        // 0.293 dogs bark
        // endregion vectors-search
        assertThat(nearest).extracting(p -> p.text).containsExactly("cats purr", "dogs bark");
        assertThat((Double) nearest.get(0).annotation("distance")).isCloseTo(0.006, org.assertj.core.data.Offset.offset(0.001));
        assertThat((Double) nearest.get(1).annotation("distance")).isCloseTo(0.293, org.assertj.core.data.Offset.offset(0.001));

        // region vectors-raw
        List<Passage> viaSql = Passage.objects().raw(
                "SELECT id, text, embedding FROM shop_passage "
                        + "ORDER BY vector_distance_cos(embedding, vector32(?)) LIMIT 1", "[1, 0, 0]").list();
        // endregion vectors-raw
        assertThat(viaSql).extracting(p -> p.text).containsExactly("cats purr");
    }

    @Test
    void approximateSearchOnALibsqlServer() {
        Djorm.shutdown();
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            Djorm.configure(Map.of(
                    "DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url())),
                    "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
            Djorm.connection().createTables(Passage.class);
            Passage.objects().create("text", "cats purr", "embedding", new float[] {0.9f, 0.1f, 0f});
            Passage.objects().create("text", "dogs bark", "embedding", new float[] {0.7f, 0.7f, 0f});
            Passage.objects().create("text", "stocks fell", "embedding", new float[] {0f, 0.1f, 0.9f});

            // region vectors-index
            VectorIndex index = VectorIndex.forField(Passage.class, "embedding")
                    .metric(VectorIndex.Metric.COSINE)
                    .recommended();   // max_neighbors=64, compress_neighbors=float8, search_l=600
            Djorm.handle("default").call(index::createIfSupported);   // false (and no index) on SQLite files, tursodb
            // endregion vectors-index

            try (QueryCapture sql = QueryCapture.start()) {
                // region vectors-nearest
                float[] query = {1f, 0f, 0f};
                List<Passage> nearest = VectorSearch.nearest(Passage.objects().exclude("text", "dogs bark"),
                        "embedding", query, 2);
                for (Passage p : nearest) System.out.printf("%.3f %s%n", (Double) p.annotation(VectorSearch.DISTANCE), p.text);
                // 0.006 cats purr
                // 1.000 stocks fell
                // endregion vectors-nearest
                assertThat(nearest).extracting(p -> p.text).containsExactly("cats purr", "stocks fell");
                assertThat((Double) nearest.get(1).annotation(VectorSearch.DISTANCE)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
                assertThat(sql.queries()).anyMatch(q -> q.sql().contains("vector_top_k"));
            }
        } finally {
            if (Djorm.isConfigured()) Djorm.shutdown();
        }
    }

    @Test
    void wrongDimensionsFailBeforeSql() {
        assertThatThrownBy(() -> Passage.objects().create("text", "x", "embedding", new float[] {1f, 2f}))
                .isInstanceOf(ValidationError.class).hasMessageContaining("expects a vector of 3 dimensions but got 2");
    }
}
