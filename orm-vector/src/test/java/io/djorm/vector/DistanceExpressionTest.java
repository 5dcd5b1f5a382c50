package io.djorm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.NotSupportedError;
import io.djorm.core.ValidationError;
import io.djorm.core.spi.Statement;
import io.djorm.vector.backends.library.Document;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL the distance expressions compile to, and the checks they make before any SQL exists. */
class DistanceExpressionTest {
    private static final String COLUMNS = "SELECT \"library_document\".\"id\", \"library_document\".\"title\", "
            + "\"library_document\".\"embedding\", \"library_document\".\"draft\", \"library_document\".\"thumbnail\", ";
    private static final float[] QUERY = {1f, 0f, 0.5f, -2f, 0f, 0f, 0f, 3f};

    @BeforeAll
    static void configure() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", ":memory:")),
                "INSTALLED_APPS", List.of("io.djorm.vector.backends.library")));
    }

    @AfterAll
    static void shutdown() {
        Djorm.shutdown();
    }

    private static byte[] f32(float[] vector) {
        ByteBuffer blob = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) blob.putFloat(f);
        return blob.array();
    }

    @Test
    void topKByCosineIsTheDistanceFunctionOverABoundQueryVectorWithALimit() {
        Statement statement = Document.objects()
                .annotate("score", new CosineDistance("embedding", QUERY))
                .orderBy("score")
                .slice(0, 10)
                .statement();
        assertThat(statement.sql()).isEqualTo(COLUMNS + "vector_distance_cos(\"library_document\".\"embedding\", vector32(?)) "
                + "AS \"score\" FROM \"library_document\" ORDER BY \"score\" ASC LIMIT 10");
        assertThat(statement.params()).hasSize(1);
        assertThat((byte[]) statement.params().get(0)).isEqualTo(f32(QUERY));
    }

    @Test
    void l2DistanceInAFilterAndAnOrdering() {
        Statement statement = Document.objects()
                .annotate("distance", new L2Distance("embedding", List.of(1, 2, 3, 4, 5, 6, 7, 8)))
                .filter("distance__lt", 0.5)
                .orderBy("-distance")
                .statement();
        assertThat(statement.sql()).isEqualTo(COLUMNS + "vector_distance_l2(\"library_document\".\"embedding\", vector32(?)) "
                + "AS \"distance\" FROM \"library_document\" WHERE vector_distance_l2(\"library_document\".\"embedding\", "
                + "vector32(?)) < ? ORDER BY \"distance\" DESC");
        assertThat((byte[]) statement.params().get(0)).isEqualTo(f32(new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertThat(statement.params().get(2)).isEqualTo(0.5);
    }

    @Test
    void aNullableVectorIsGuardedBecauseTheFunctionsRejectNull() {
        assertThat(Document.objects().annotate("d", new CosineDistance("draft", QUERY)).statement().sql())
                .isEqualTo(COLUMNS + "CASE WHEN \"library_document\".\"draft\" IS NULL THEN NULL ELSE "
                        + "vector_distance_cos(\"library_document\".\"draft\", vector32(?)) END AS \"d\" FROM \"library_document\"");
        assertThat(Document.objects().annotate("d", new L2Distance("embedding", "draft")).statement().sql())
                .isEqualTo(COLUMNS + "CASE WHEN \"library_document\".\"draft\" IS NULL THEN NULL ELSE "
                        + "vector_distance_l2(\"library_document\".\"embedding\", \"library_document\".\"draft\") END AS \"d\" "
                        + "FROM \"library_document\"");
    }

    @Test
    void theQueryVectorIsCopiedWhenTheExpressionIsMade() {
        float[] query = QUERY.clone();
        CosineDistance distance = new CosineDistance("embedding", query);
        query[0] = 42f;
        Statement statement = Document.objects().annotate("score", distance).statement();
        assertThat((byte[]) statement.params().get(0)).isEqualTo(f32(QUERY));
    }

    @Test
    void aQueryVectorOfTheWrongLengthFailsWhenTheQueryIsCompiled() {
        assertThatThrownBy(() -> Document.objects().annotate("score", new CosineDistance("embedding", new float[] {1, 2})).sql())
                .isInstanceOf(ValidationError.class)
                .hasMessage("embedding: Field 'embedding' expects a vector of 8 dimensions but got 2.");
        assertThatThrownBy(() -> Document.objects().annotate("score", new L2Distance("thumbnail", QUERY)).sql())
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("Field 'thumbnail' expects a vector of 4 dimensions but got 8.");
    }

    @Test
    void aBadQueryVectorFailsWhenTheExpressionIsMade() {
        assertThatThrownBy(() -> new CosineDistance("embedding", new float[0]))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("The query vector is empty");
        assertThatThrownBy(() -> new CosineDistance("embedding", new double[] {1, Double.NaN}))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("has NaN at element 2");
        assertThatThrownBy(() -> new L2Distance("embedding", List.of(1, "two")))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("element 2 is String two");
        assertThatThrownBy(() -> new L2Distance("embedding", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("L2Distance compares a field name or an expression with a query vector");
    }

    @Test
    void columnsOfDifferentLengthsHaveNoDistance() {
        assertThatThrownBy(() -> Document.objects().annotate("d", new CosineDistance("embedding", "thumbnail")).sql())
                .isInstanceOf(FieldError.class)
                .hasMessage("CosineDistance compares 'embedding' (8 dimensions) with 'thumbnail' (4 dimensions); "
                        + "vectors of different lengths have no distance.");
    }

    @Test
    void maxInnerProductIsRefusedOnTheSqliteFamilyWithTheWayOut() {
        assertThatThrownBy(() -> Document.objects().annotate("ip", new MaxInnerProduct("embedding", QUERY)).sql())
                .isInstanceOf(NotSupportedError.class)
                .hasMessage("MaxInnerProduct is not supported by the sqlite backend: libSQL servers and SQLite files have no "
                        + "inner-product function. Store unit-length vectors and order by CosineDistance instead: for unit "
                        + "vectors the cosine distance is 1 - (a · b), so the smallest cosine distance is the largest "
                        + "inner product.");
    }

    @Test
    void vectorIndexDdlUsesLibsqlVectorIdx() {
        VectorIndex index = VectorIndex.forField(Document.class, "embedding");
        assertThat(index.name()).isEqualTo("library_document_embedding_vidx");
        assertThat(index.createSql()).isEqualTo("CREATE INDEX \"library_document_embedding_vidx\" ON \"library_document\" "
                + "(libsql_vector_idx(\"embedding\", 'metric=cosine'))");
        assertThat(index.metric(VectorIndex.Metric.L2).maxNeighbors(32).compressNeighbors("float8").alpha(1.2)
                .searchL(150).insertL(80).createSql()).isEqualTo("CREATE INDEX \"library_document_embedding_vidx\" ON "
                + "\"library_document\" (libsql_vector_idx(\"embedding\", 'metric=l2', 'max_neighbors=32', "
                + "'compress_neighbors=float8', 'alpha=1.2', 'search_l=150', 'insert_l=80'))");
        assertThatThrownBy(() -> index.compressNeighbors("zip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float8");
        assertThatThrownBy(() -> index.maxNeighbors(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.createSql()).doesNotContain("max_neighbors"); // options make new indexes, the original stays
        assertThat(index.dropSql()).isEqualTo("DROP INDEX IF EXISTS \"library_document_embedding_vidx\"");
        assertThatThrownBy(() -> VectorIndex.forField(Document.class, "title"))
                .isInstanceOf(FieldError.class)
                .hasMessage("Field 'title' of Document is a CharField; a vector index needs a @VectorField.");
    }
}
