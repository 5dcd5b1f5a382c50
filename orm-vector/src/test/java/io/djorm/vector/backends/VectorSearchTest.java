package io.djorm.vector.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.djorm.core.Djorm;
import io.djorm.core.NotSupportedError;
import io.djorm.core.QueryCapture;
import io.djorm.core.ValidationError;
import io.djorm.core.expressions.Expression;
import io.djorm.core.spi.Rows;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.L2Distance;
import io.djorm.vector.MaxInnerProduct;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.backends.library.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * VectorField and the distance expressions on every backend: vectors stored, loaded and updated
 * unchanged; top-k searches equal to a brute-force ranking in Java over the same rows.
 */
class VectorSearchTest extends VectorBackendTest {
    private static final int ROWS = 150;
    private static final int K = 10;
    private static final double TOLERANCE = 1e-6;

    @Override
    protected List<Class<?>> models() {
        return List.of(Document.class);
    }

    private final SplittableRandom random = new SplittableRandom(7);

    private float[] randomVector(int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) v[i] = (float) random.nextDouble(-1, 1);
        return v;
    }

    /** Inserts ROWS documents; every third one has no draft. Returns id → embedding. */
    private Map<Long, float[]> corpus() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Document d = new Document();
            d.title = "doc " + i;
            d.embedding = randomVector(Document.DIMENSIONS);
            d.draft = i % 3 == 0 ? null : randomVector(Document.DIMENSIONS);
            documents.add(d);
        }
        Document.objects().bulkCreate(documents);
        Map<Long, float[]> embeddings = new HashMap<>();
        for (Document d : Document.objects().all().list()) embeddings.put(d.getId(), d.embedding);
        assertThat(embeddings).hasSize(ROWS);
        return embeddings;
    }

    @Test
    void theColumnIsAnF32BlobOfTheFieldsLength() {
        // The declared type as stored: Turso's engine drops "(n)" from PRAGMA table_info and writes
        // "F32_BLOB (8)" in sqlite_master, so compare without the space.
        String table = Djorm.apps().register(Document.class).dbTable();
        Rows schema = Djorm.connection().query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
        assertThat(schema.rows()).hasSize(1);
        assertThat(((String) schema.rows().get(0)[0]).replace(" (", "(")).contains("\"embedding\" F32_BLOB(8) NOT NULL",
                "\"draft\" F32_BLOB(8) NULL", "\"thumbnail\" F32_BLOB(4) NULL");
    }

    @Test
    void vectorsAreStoredLoadedAndUpdatedUnchanged() {
        float[] first = {0.1f, -2.5f, 3.0e-7f, 1e10f, -0f, 7f, Float.MIN_VALUE, Float.MAX_VALUE};
        Document d = Document.objects().create("title", "a", "embedding", first, "thumbnail", List.of(1, 2, 3, 4));
        Document loaded = Document.objects().get("pk", d.pk());
        assertThat(loaded.embedding).containsExactly(first);
        assertThat(loaded.draft).isNull();
        assertThat(loaded.thumbnail).containsExactly(1f, 2f, 3f, 4f);

        float[] second = randomVector(Document.DIMENSIONS);
        loaded.embedding = second;
        loaded.draft = first;
        loaded.save();
        Document reloaded = Document.objects().get("pk", d.pk());
        assertThat(reloaded.embedding).containsExactly(second);
        assertThat(reloaded.draft).containsExactly(first);

        float[] third = randomVector(Document.DIMENSIONS);
        assertThat(Document.objects().filter("pk", d.pk()).update("embedding", third, "draft", null)).isEqualTo(1);
        reloaded.refreshFromDb();
        assertThat(reloaded.embedding).containsExactly(third);
        assertThat(reloaded.draft).isNull();
    }

    @Test
    void aVectorOfTheWrongLengthFailsBeforeAnySqlIsSent() {
        Document d = new Document();
        d.title = "short";
        d.embedding = new float[Document.DIMENSIONS - 1];
        try (QueryCapture queries = QueryCapture.start()) {
            assertThatThrownBy(d::save).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("expects a vector of 8 dimensions but got 7");
            assertThatThrownBy(() -> Document.objects().annotate("score", new CosineDistance("embedding", new float[3])).list())
                    .isInstanceOf(ValidationError.class)
                    .hasMessageContaining("expects a vector of 8 dimensions but got 3");
            assertThat(queries.queries()).isEmpty();
        }
        assertThat(Document.objects().count()).isZero();
    }

    @Test
    void topKByCosineDistanceMatchesABruteForceRanking() {
        assertTopKMatchesBruteForce(CosineDistance::new, BruteForce::cosine);
    }

    @Test
    void topKByL2DistanceMatchesABruteForceRanking() {
        assertTopKMatchesBruteForce(L2Distance::new, BruteForce::l2);
    }

    private void assertTopKMatchesBruteForce(BiFunction<Object, Object, Expression> expression, BruteForce.Distance distance) {
        Map<Long, float[]> rows = corpus();
        for (int q = 0; q < 5; q++) {
            float[] query = randomVector(Document.DIMENSIONS);
            List<Document> nearest = Document.objects()
                    .annotate("score", expression.apply("embedding", query))
                    .orderBy("score")
                    .slice(0, K)
                    .list();
            List<Long> expected = BruteForce.topK(rows, query, K, distance);
            assertThat(nearest).extracting(Document::getId).containsExactlyElementsOf(expected);
            for (Document d : nearest) {
                assertThat((Double) d.annotation("score")).isCloseTo(distance.between(rows.get(d.getId()), query), within(TOLERANCE));
            }
        }
    }

    @Test
    void aDistanceAnnotationFiltersRows() {
        Map<Long, float[]> rows = corpus();
        float[] query = randomVector(Document.DIMENSIONS);
        double threshold = 0.8;
        List<Long> found = Document.objects()
                .annotate("score", new CosineDistance("embedding", query))
                .filter("score__lt", threshold)
                .orderBy("pk")
                .valuesListFlat("pk", Long.class)
                .list();
        List<Long> expected = rows.entrySet().stream()
                .filter(e -> BruteForce.cosine(e.getValue(), query) < threshold)
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
        assertThat(expected).isNotEmpty().hasSizeLessThan(ROWS);
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void aNullVectorHasANullDistanceAndTwoColumnsCanBeCompared() {
        corpus();
        float[] query = randomVector(Document.DIMENSIONS);
        List<Document> all = Document.objects()
                .annotate("toQuery", new L2Distance("draft", query))
                .annotate("toEmbedding", new CosineDistance("embedding", "draft"))
                .list();
        assertThat(all).hasSize(ROWS);
        int nulls = 0;
        for (Document d : all) {
            if (d.draft == null) {
                nulls++;
                assertThat(d.annotation("toQuery")).isNull();
                assertThat(d.annotation("toEmbedding")).isNull();
            } else {
                assertThat((Double) d.annotation("toQuery")).isCloseTo(BruteForce.l2(d.draft, query), within(TOLERANCE));
                assertThat((Double) d.annotation("toEmbedding"))
                        .isCloseTo(BruteForce.cosine(d.embedding, d.draft), within(TOLERANCE));
            }
        }
        assertThat(nulls).isEqualTo(ROWS / 3);
    }

    @Test
    void maxInnerProductSaysToUseCosineDistanceOnUnitVectors() {
        try (QueryCapture queries = QueryCapture.start()) {
            assertThatThrownBy(() -> Document.objects()
                    .annotate("score", new MaxInnerProduct("embedding", randomVector(Document.DIMENSIONS)))
                    .orderBy("score").list())
                    .isInstanceOf(NotSupportedError.class)
                    .hasMessageContaining("MaxInnerProduct is not supported")
                    .hasMessageContaining("Store unit-length vectors and order by CosineDistance instead");
            assertThat(queries.queries()).isEmpty();
        }
    }

    @Test
    void onlyTheLibsqlEngineHasAVectorIndexAndSearchesStayExactElsewhere() {
        Map<Long, float[]> rows = corpus();
        VectorIndex index = VectorIndex.forField(Document.class, "embedding");
        boolean engineHasIndexes = backend.equals("libsql-server");
        Djorm.handle("default").call(connection -> {
            if (engineHasIndexes) {
                index.create(connection);
            } else {
                assertThatThrownBy(() -> index.create(connection))
                        .isInstanceOf(NotSupportedError.class)
                        .hasMessageContaining("Vector index '" + index.name() + "' cannot be created")
                        .hasMessageContaining("libSQL servers (sqld, Turso Cloud) only");
                assertThat(index.createIfSupported(connection)).isFalse();
            }
            index.dropIfExists(connection);
            return null;
        });
        float[] query = randomVector(Document.DIMENSIONS);
        List<Document> nearest = Document.objects().annotate("score", new CosineDistance("embedding", query))
                .orderBy("score").slice(0, K).list();
        assertThat(nearest).extracting(Document::getId).containsExactlyElementsOf(BruteForce.topK(rows, query, K, BruteForce::cosine));
    }
}
