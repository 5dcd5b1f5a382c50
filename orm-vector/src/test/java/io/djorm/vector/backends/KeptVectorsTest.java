package io.djorm.vector.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.QueryCapture;
import io.djorm.core.QuerySet;
import io.djorm.core.Transaction;
import io.djorm.core.expressions.Now;
import io.djorm.core.meta.ModelMeta;
import io.djorm.testkit.TestBackend;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.L2Distance;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.VectorSearch;
import io.djorm.vector.backends.library.Document;
import io.djorm.vector.backends.library.ResizedDocument;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoded vectors that exact search keeps between searches on local files (sqlite, libsql-local,
 * libsql-replica): every search must rank exactly as the SQL ordering {@code ORDER BY
 * vector_distance_cos(...), pk} over the rows a read sees at that moment, whatever changed in between:
 * writes on the same alias inside and outside transactions, rolled-back transactions and savepoints,
 * commits by another program (or, on a replica, on the primary, seen after a pull), schema changes,
 * other filters, NULL vectors and vectors of the wrong length. The SQL log tells whether a search read
 * the file ("scanned") or used kept vectors.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.djorm.vector.backends.KeptVectorsTest#backends")
class KeptVectorsTest {
    private static final int ROWS = 60;
    private static final int K = 5;
    private static TestBackend current;
    private static String currentBackend;

    @Parameter
    String backend;

    private final SplittableRandom random = new SplittableRandom(19);

    static List<String> backends() {
        return TestBackend.selected().stream().filter(b -> List.of("sqlite", "libsql-local", "libsql-replica").contains(b)).toList();
    }

    @BeforeEach
    void configure() {
        if (!backend.equals(currentBackend)) {
            release();
            current = TestBackend.start(backend);
            Map<String, Object> databases = new LinkedHashMap<>(current.databases());
            if (current.server() != null) {
                // The primary itself, as another program writing to it would.
                databases.put("primary", Map.of("ENGINE", "libsql", "NAME", current.server().url(), "OPTIONS", Map.of("TIMEOUT", 60)));
            }
            Djorm.configure(Map.of("DATABASES", databases, "INSTALLED_APPS", List.of("io.djorm.vector.backends.library")));
            currentBackend = backend;
        }
        Djorm.connection().execute("DROP TABLE IF EXISTS \"" + meta().dbTable() + "\"");
        Djorm.connection().withSchemaEditor(editor -> {
            editor.createModel(meta());
            return null;
        });
        VectorSearch.clearCache();
        fill();
    }

    @AfterEach
    void restoreTheLimit() {
        VectorSearch.setCacheLimit(Runtime.getRuntime().maxMemory() / 4);
    }

    @AfterAll
    static void release() {
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (current != null) current.close();
        current = null;
        currentBackend = null;
    }

    private static ModelMeta meta() {
        return Djorm.apps().register(Document.class);
    }

    private void fill() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Document d = new Document();
            d.title = i % 2 == 0 ? "even" : "odd";
            d.embedding = randomVector();
            d.draft = i % 3 == 0 ? null : randomVector();
            documents.add(d);
        }
        Document.objects().bulkCreate(documents);
    }

    private float[] randomVector() {
        float[] v = new float[Document.DIMENSIONS];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextDouble(-1, 1);
        return v;
    }

    /** What one search returned and whether it read the vectors from the database. */
    private record Search(List<Object> ids, boolean scanned) {
    }

    private static <T extends Model> Search nearest(QuerySet<T> rows, String field, float[] query, VectorIndex.Metric metric) {
        try (QueryCapture sql = QueryCapture.start()) {
            List<T> found = VectorSearch.nearest(rows, field, query, K, metric);
            boolean scanned = sql.queries().stream().anyMatch(q -> q.sql().startsWith("SELECT")
                    && q.sql().contains("\"" + field + "\" FROM") && !q.sql().contains("vector_distance"));
            return new Search(found.stream().map(Model::pk).toList(), scanned);
        }
    }

    /** The same ranking through SQL: the database computes every distance and sorts. */
    private static <T extends Model> List<Object> bySql(QuerySet<T> rows, String field, float[] query, VectorIndex.Metric metric) {
        return rows.filter(field + "__isnull", false)
                .annotate("d", metric == VectorIndex.Metric.L2 ? new L2Distance(field, query) : new CosineDistance(field, query))
                .orderBy("d", "pk").limit(K).list().stream().map(Model::pk).toList();
    }

    /** Searches, checks the ranking against SQL and whether the file was read, and returns the ids. */
    private static <T extends Model> List<Object> search(QuerySet<T> rows, String field, float[] query, boolean scans) {
        return search(rows, field, query, VectorIndex.Metric.COSINE, scans);
    }

    private static <T extends Model> List<Object> search(QuerySet<T> rows, String field, float[] query,
                                                         VectorIndex.Metric metric, boolean scans) {
        Search found = nearest(rows, field, query, metric);
        assertThat(found.ids()).as("ranking against SQL").containsExactlyElementsOf(bySql(rows, field, query, metric));
        assertThat(found.scanned()).as("read the vectors from the database").isEqualTo(scans);
        return found.ids();
    }

    private Document create(float[] embedding) {
        return Document.objects().create("title", "new", "embedding", embedding);
    }

    @Test
    void aRepeatedSearchUsesTheKeptVectorsAndRanksLikeSql() {
        search(Document.objects().all(), "embedding", randomVector(), true);
        for (int i = 0; i < 3; i++) search(Document.objects().all(), "embedding", randomVector(), false);
        search(Document.objects().all(), "embedding", randomVector(), VectorIndex.Metric.L2, false);
        assertThat(VectorSearch.cacheLimit()).isPositive();
    }

    @Test
    void writesOnTheSameAliasAreSeenByTheNextSearch() {
        float[] query = randomVector();
        search(Document.objects().all(), "embedding", query, true);
        Document added = create(query);
        assertThat(search(Document.objects().all(), "embedding", query, true).get(0)).isEqualTo(added.pk());
        search(Document.objects().all(), "embedding", query, false);

        added.embedding = negated(query);
        added.save();
        assertThat(search(Document.objects().all(), "embedding", query, true)).doesNotContain(added.pk());
        assertThat(Document.objects().filter("pk", added.pk()).update("embedding", query)).isEqualTo(1);
        assertThat(search(Document.objects().all(), "embedding", query, true).get(0)).isEqualTo(added.pk());
        added.delete();
        assertThat(search(Document.objects().all(), "embedding", query, true)).doesNotContain(added.pk());
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        float[] query = randomVector();
        List<Object> before = search(Document.objects().all(), "embedding", query, true);
        Object[] inside = new Object[1];
        assertThatThrownBy(() -> Transaction.atomic(() -> {
            Document added = create(query);
            // A server transport may send the INSERT (and learn the key) only with the next statement: read it back.
            inside[0] = Document.objects().get("title", "new").pk();
            // Inside a transaction the connection sees its own uncommitted row: kept vectors are not used.
            assertThat(search(Document.objects().all(), "embedding", query, readsLocallyInTransactions()).get(0)).isEqualTo(added.pk());
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        // A rollback commits nothing (and on a replica the writes never reached the file): the vectors
        // kept before the transaction are the content again.
        List<Object> after = search(Document.objects().all(), "embedding", query, false);
        assertThat(after).doesNotContain(inside[0]).containsExactlyElementsOf(before);

        // A search inside a transaction that commits nothing keeps nothing either.
        Transaction.atomic(() -> {
            search(Document.objects().filter("title", "odd"), "embedding", query, readsLocallyInTransactions());
        });
        search(Document.objects().filter("title", "odd"), "embedding", query, true);
    }

    @Test
    void aRolledBackSavepointIsNotSeenAndTheCommittedRowIs() {
        float[] query = randomVector();
        search(Document.objects().all(), "embedding", query, true);
        Object[] kept = new Object[2];
        Transaction.atomic(() -> {
            Document.objects().create("title", "outer", "embedding", query);
            kept[0] = Document.objects().get("title", "outer").pk();
            assertThatThrownBy(() -> Transaction.atomic(() -> {
                Document.objects().create("title", "inner", "embedding", query);
                kept[1] = Document.objects().get("title", "inner").pk();
                assertThat(search(Document.objects().all(), "embedding", query, readsLocallyInTransactions()))
                        .contains(kept[0], kept[1]);
                throw new IllegalStateException("roll back the savepoint");
            })).hasMessage("roll back the savepoint");
            assertThat(search(Document.objects().all(), "embedding", query, readsLocallyInTransactions()))
                    .contains(kept[0]).doesNotContain(kept[1]);
        });
        assertThat(search(Document.objects().all(), "embedding", query, true)).contains(kept[0]).doesNotContain(kept[1]);
        search(Document.objects().all(), "embedding", query, false);
    }

    @Test
    void anotherProgramsCommitIsSeen() throws Exception {
        float[] query = randomVector();
        search(Document.objects().all(), "embedding", query, true);
        search(Document.objects().all(), "embedding", query, false);
        if (current.server() == null) {
            String table = meta().dbTable();
            Map<?, ?> settings = (Map<?, ?>) current.databases().get("default");
            try (var other = DriverManager.getConnection("jdbc:sqlite:" + settings.get("NAME"))) {
                long id;
                try (PreparedStatement insert = other.prepareStatement("INSERT INTO \"" + table
                        + "\" (title, embedding) VALUES ('other', ?) RETURNING id")) {
                    insert.setBytes(1, f32Blob(query));
                    var rs = insert.executeQuery();
                    rs.next();
                    id = rs.getLong(1);
                }
                assertThat(search(Document.objects().all(), "embedding", query, true).get(0)).isEqualTo(id);
                search(Document.objects().all(), "embedding", query, false);
                try (PreparedStatement update = other.prepareStatement("UPDATE \"" + table + "\" SET embedding = ? WHERE id = ?")) {
                    update.setBytes(1, f32Blob(negated(query)));
                    update.setLong(2, id);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                assertThat(search(Document.objects().all(), "embedding", query, true)).doesNotContain(id);
                try (PreparedStatement delete = other.prepareStatement("DELETE FROM \"" + table + "\"")) {
                    delete.executeUpdate();
                }
                assertThat(search(Document.objects().all(), "embedding", query, true)).isEmpty();
            }
        } else {
            // On the primary: the replica file, and so the search, sees the row only after a pull.
            Document added = Document.objects().using("primary").create("title", "primary", "embedding", query);
            assertThat(search(Document.objects().all(), "embedding", query, false)).doesNotContain(added.pk());
            Djorm.connection().syncReplica();
            assertThat(search(Document.objects().all(), "embedding", query, true).get(0)).isEqualTo(added.pk());
            search(Document.objects().all(), "embedding", query, false);
            Document.objects().using("primary").filter("pk", added.pk()).delete();
            Djorm.connection().syncReplica();
            assertThat(search(Document.objects().all(), "embedding", query, true)).doesNotContain(added.pk());
        }
    }

    @Test
    void schemaChangesAreSeen() {
        float[] query = randomVector();
        search(Document.objects().all(), "embedding", query, true);
        Djorm.connection().execute("ALTER TABLE \"" + meta().dbTable() + "\" ADD COLUMN note TEXT");
        search(Document.objects().all(), "embedding", query, true);
        search(Document.objects().all(), "embedding", query, false);

        // The same table dropped and made again, with 4-dimension vectors this time.
        assertThat(Djorm.apps().register(ResizedDocument.class).dbTable()).isEqualTo(meta().dbTable());
        Djorm.connection().withSchemaEditor(editor -> {
            editor.deleteModel(meta());
            editor.createModel(Djorm.apps().register(ResizedDocument.class));
            return null;
        });
        List<ResizedDocument> resized = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ResizedDocument d = new ResizedDocument();
            d.title = "resized";
            d.embedding = new float[] {(float) random.nextDouble(), (float) random.nextDouble(), 1f, -1f};
            resized.add(d);
        }
        ResizedDocument.objects().bulkCreate(resized);
        float[] shortQuery = {1f, 0.5f, 0.25f, 0f};
        search(ResizedDocument.objects().all(), "embedding", shortQuery, true);
        search(ResizedDocument.objects().all(), "embedding", shortQuery, false);
        // The old model's 8-dimension query now meets 4-dimension rows: an error, as in SQL, never old rows.
        assertThatThrownBy(() -> VectorSearch.nearest(Document.objects().all(), "embedding", query, K))
                .hasMessageContaining("different dimensions");
    }

    @Test
    void eachFilterHasItsOwnRowsAndNullVectorsAreNeverNeighbours() {
        float[] query = randomVector();
        search(Document.objects().filter("title", "even"), "embedding", query, true);
        search(Document.objects().filter("title", "odd"), "embedding", query, true);
        search(Document.objects().all(), "embedding", query, true);
        search(Document.objects().filter("title", "even"), "embedding", randomVector(), false);
        search(Document.objects().filter("title", "odd"), "embedding", randomVector(), false);
        search(Document.objects().exclude("title", "odd"), "embedding", query, true);

        List<Object> withDrafts = search(Document.objects().all(), "draft", query, true);
        assertThat(Document.objects().filter("pk__in", withDrafts).filter("draft__isnull", true).count()).isZero();
        search(Document.objects().all(), "draft", query, false);
        Document.objects().filter("pk", withDrafts.get(0)).update("draft", null);
        assertThat(search(Document.objects().all(), "draft", query, true)).doesNotContain(withDrafts.get(0));
        Object noDraft = Document.objects().filter("draft__isnull", true).valuesListFlat("pk", Object.class).first().orElseThrow();
        Document.objects().filter("pk", noDraft).update("draft", query);
        assertThat(search(Document.objects().all(), "draft", query, true).get(0)).isEqualTo(noDraft);
    }

    @Test
    void aFilterOnTheClockIsNeverKept() {
        // Titles later than the clock: the row set changes as time passes, with nothing committed.
        Document.objects().filter("title", "even").update("title", "2999-01-01");
        for (int i = 0; i < 2; i++) {
            assertThat(search(Document.objects().filter("title__gt", new Now()), "embedding", randomVector(), true)).hasSize(K);
        }
        search(Document.objects().filter("title", "2999-01-01"), "embedding", randomVector(), true);
        search(Document.objects().filter("title", "2999-01-01"), "embedding", randomVector(), false);
    }

    @Test
    void vectorsOfAnotherLengthOrWithATypeByteRankOrFailAsInSql() {
        // Runs on sqlite and libsql-local in CI. On the replica, writes go to the tursodb primary, which
        // refuses wrong-length blobs of an F32_BLOB(8) column before they reach the file under test.
        assumeTrue(current.server() == null, "the replica's primary checks the blobs of an F32_BLOB(8) column itself");
        float[] query = randomVector();
        search(Document.objects().all(), "embedding", query, true);
        // An F32 blob with libSQL's type byte (1) at the end: a valid vector of the same length.
        byte[] plain = f32Blob(query);
        byte[] marked = java.util.Arrays.copyOf(plain, plain.length + 1);
        marked[plain.length] = 1;
        Djorm.connection().execute("INSERT INTO \"" + meta().dbTable() + "\" (title, embedding) VALUES ('marked', ?)", (Object) marked);
        Object markedId = Document.objects().get("title", "marked").pk();
        assertThat(search(Document.objects().all(), "embedding", query, true).get(0)).isEqualTo(markedId);
        assertThat(search(Document.objects().all(), "embedding", query, false).get(0)).isEqualTo(markedId);

        byte[] shorter = ByteBuffer.allocate(4 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).array();
        Djorm.connection().execute("INSERT INTO \"" + meta().dbTable() + "\" (title, embedding) VALUES ('short', ?)", (Object) shorter);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> VectorSearch.nearest(Document.objects().all(), "embedding", query, K))
                    .hasMessageContaining("different dimensions");
        }
        Document.objects().filter("title", "short").delete();
        search(Document.objects().all(), "embedding", query, true);
        search(Document.objects().all(), "embedding", query, false);
    }

    @Test
    void theLimitBoundsWhatIsKeptAndZeroTurnsKeepingOff() {
        VectorSearch.setCacheLimit(1_000);
        search(Document.objects().all(), "embedding", randomVector(), true);
        search(Document.objects().all(), "embedding", randomVector(), true);
        VectorSearch.setCacheLimit(1L << 20);
        search(Document.objects().all(), "embedding", randomVector(), true);
        search(Document.objects().all(), "embedding", randomVector(), false);
        VectorSearch.setCacheLimit(0);
        search(Document.objects().all(), "embedding", randomVector(), true);
        search(Document.objects().all(), "embedding", randomVector(), true);
    }

    @Test
    void concurrentSearchesAllRankLikeSql() throws Exception {
        List<float[]> queries = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            queries.add(randomVector());
            expected.add(bySql(Document.objects().all(), "embedding", queries.get(i), VectorIndex.Metric.COSINE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> found = new ArrayList<>();
            for (float[] q : queries) {
                found.add(pool.submit(() -> VectorSearch.nearest(Document.objects().all(), "embedding", q, K)
                        .stream().map(Model::pk).toList()));
            }
            for (int i = 0; i < queries.size(); i++) assertThat(found.get(i).get()).containsExactlyElementsOf(expected.get(i));
        } finally {
            pool.shutdown();
        }
    }

    /** Whether a search inside a transaction reads the file (true) or asks the server (a replica). */
    private boolean readsLocallyInTransactions() {
        return current.server() == null;
    }

    /** A plain F32 blob, as libSQL stores an F32_BLOB column's vectors. */
    private static byte[] f32Blob(float[] v) {
        ByteBuffer out = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) out.putFloat(x);
        return out.array();
    }

    private static float[] negated(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }
}
