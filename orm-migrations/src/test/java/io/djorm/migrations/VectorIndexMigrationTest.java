package io.djorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.djorm.core.Djorm;
import io.djorm.core.NotSupportedError;
import io.djorm.core.QueryCapture;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.migrations.vecapp.Doc;
import io.djorm.testkit.TestBackend;
import io.djorm.vector.CosineDistance;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.VectorSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AddVectorIndex / RemoveVectorIndex end to end on every backend: an initial migration made from the
 * model, then a migration holding the vector index. On the libSQL engine (libsql-server) migrate
 * creates the index with its options, {@link VectorSearch#nearest} goes through it and finds the
 * exact neighbours of this small set, migrating back drops it, and sqlmigrate shows the statements.
 * Elsewhere the operation raises NotSupportedError, or is skipped when marked {@code if_supported}.
 */
class VectorIndexMigrationTest {
    private static final String INDEX = "vecapp_doc_embedding_vidx";
    @TempDir Path dir;
    private final List<String> output = new ArrayList<>();
    private TestBackend backend;
    private Connection db;

    static List<String> backends() {
        return TestBackend.selected();
    }

    private void configure(String name) {
        backend = TestBackend.start(name);
        Djorm.configure(Map.of("DATABASES", backend.databases(), "INSTALLED_APPS", List.of("io.djorm.migrations.vecapp")));
        db = Djorm.database("default").connect();
    }

    @AfterEach
    void shutdown() {
        if (db != null) db.close();
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (backend != null) backend.close();
    }

    private Migrations project() {
        Database database = Djorm.database("default");
        return new Migrations(Djorm.apps().models(), db, database.dialect(), dir.resolve("migrations"), output::add);
    }

    /** Writes migration 0002 holding one vector index operation, as a developer writes it by hand. */
    private void writeIndexMigration(boolean ifSupported) throws Exception {
        String operation = """
                {
                  "dependencies" : [ [ "vecapp", "0001_initial" ] ],
                  "operations" : [ {
                    "op" : "AddVectorIndex",
                    "model" : "Doc",
                    "name" : "%s",
                    "field" : "embedding",
                    "metric" : "cosine",
                    "options" : { "max_neighbors" : "16", "compress_neighbors" : "float8", "search_l" : "100" }%s
                  } ]
                }
                """.formatted(INDEX, ifSupported ? ",\n\"if_supported\" : true" : "");
        Files.writeString(dir.resolve("migrations/vecapp/0002_doc_embedding_vidx.json"), operation);
    }

    private List<String> vectorIndexes() {
        List<String> found = new ArrayList<>();
        try (RowCursor rows = db.query(Statement.of("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '" + INDEX + "'"))) {
            while (rows.next()) found.add(rows.getString(0));
        }
        return found;
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("backends")
    void migrateCreatesTheIndexWhereTheEngineHasOneAndTheSearchUsesIt(String name) throws Exception {
        configure(name);
        project().makeMigrations(Set.of(), null, false, false, RenameQuestioner.hints(List.of(), false));
        writeIndexMigration(false);
        assertThat(project().sqlMigrate("vecapp", "0002_doc_embedding_vidx", false)).anyMatch(s -> s.contains(
                "CREATE INDEX \"" + INDEX + "\" ON \"vecapp_doc\" (libsql_vector_idx(\"embedding\", 'metric=cosine', "
                        + "'compress_neighbors=float8', 'max_neighbors=16', 'search_l=100'))"));
        boolean engineHasIndexes = name.equals("libsql-server");
        if (!engineHasIndexes) {
            Throwable failure = catchThrowable(() -> project().migrate(Map.of(), false, false));
            while (failure != null && !(failure instanceof NotSupportedError)) failure = failure.getCause();
            assertThat(failure).as("a NotSupportedError").isNotNull().hasMessageContaining("libsql_vector_idx")
                    .hasMessageContaining("if_supported");
            assertThat(vectorIndexes()).isEmpty();
            return;
        }
        project().migrate(Map.of(), false, false);
        assertThat(vectorIndexes()).singleElement().asString().contains("max_neighbors=16");
        // the model declares no @VectorIndexed, so makemigrations would remove the hand-written index
        assertThat(project().makeMigrations(Set.of(), null, true, false, RenameQuestioner.hints(List.of(), false)))
                .singleElement().satisfies(m -> assertThat(m.descriptions()).anyMatch(d -> d.contains("Remove vector index " + INDEX)));

        Random random = new Random(5);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Doc d = new Doc();
            d.topic = i % 4;
            d.embedding = new float[Doc.DIMENSIONS];
            for (int j = 0; j < Doc.DIMENSIONS; j++) d.embedding[j] = (float) random.nextGaussian();
            docs.add(d);
        }
        Doc.objects().bulkCreate(docs);
        float[] query = docs.get(17).embedding;
        List<Doc> found;
        try (QueryCapture sql = QueryCapture.start()) {
            found = VectorSearch.nearest(Doc.objects().all(), "embedding", query, 5);
            assertThat(sql.queries()).anyMatch(q -> q.sql().contains("vector_top_k"));
        }
        // the exact ranking, computed by the server: every row's distance
        List<Object> exact = Doc.objects().annotate("d", new CosineDistance("embedding", query)).orderBy("d", "pk")
                .limit(5).list().stream().map(Doc::pk).toList();
        assertThat(found).extracting(Doc::pk).containsExactlyElementsOf(exact);

        project().migrate(Map.of("vecapp", "0001_initial"), false, false);
        assertThat(vectorIndexes()).isEmpty();
        assertThat(project().sqlMigrate("vecapp", "0002_doc_embedding_vidx", true))
                .anyMatch(s -> s.contains("DROP INDEX IF EXISTS \"" + INDEX + "\""));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("backends")
    void ifSupportedSkipsTheIndexWhereThereIsNoneAndMigratesBothWays(String name) throws Exception {
        configure(name);
        project().makeMigrations(Set.of(), null, false, false, RenameQuestioner.hints(List.of(), false));
        writeIndexMigration(true);
        project().migrate(Map.of(), false, false);
        assertThat(vectorIndexes()).hasSize(name.equals("libsql-server") ? 1 : 0);
        assertThat(VectorIndex.forField(Doc.class, "embedding").name()).isEqualTo(INDEX);
        project().migrate(Map.of("vecapp", "zero"), false, false);
        assertThat(vectorIndexes()).isEmpty();
    }
}
