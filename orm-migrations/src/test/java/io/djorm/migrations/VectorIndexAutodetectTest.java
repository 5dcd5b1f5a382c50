package io.djorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.testkit.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * makemigrations and {@code @VectorIndexed}: a model declaring a vector index gets CreateModel and
 * AddVectorIndex ({@code if_supported}); once the declaration is gone, RemoveVectorIndex. migrate
 * creates the index on the libSQL engine (libsql-server) and skips it elsewhere, both ways.
 */
class VectorIndexAutodetectTest {
    private static final String INDEX = "vecdecl_passage_embedding_vidx";
    @TempDir Path dir;
    private TestBackend backend;
    private Connection db;

    static List<String> backends() {
        return TestBackend.selected();
    }

    @AfterEach
    void shutdown() {
        stop();
        if (backend != null) backend.close();
    }

    private void stop() {
        if (db != null) db.close();
        db = null;
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    /** Configures Djorm with one version of the model ({@code indexed} or {@code plain}). */
    private Migrations project(String version) {
        stop();
        Djorm.configure(Map.of("DATABASES", backend.databases(),
                "INSTALLED_APPS", List.of("io.djorm.migrations.vecdecl." + version)));
        db = Djorm.database("default").connect();
        Database database = Djorm.database("default");
        return new Migrations(Djorm.apps().models(), db, database.dialect(), dir.resolve("migrations"), s -> { });
    }

    private List<String> vectorIndexes() {
        List<String> found = new ArrayList<>();
        try (RowCursor rows = db.query(Statement.of("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '" + INDEX + "'"))) {
            while (rows.next()) found.add(rows.getString(0));
        }
        return found;
    }

    private String onlyFile() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("migrations/vecdecl"))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return Files.readString(json.get(json.size() - 1));
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("backends")
    void makemigrationsWritesAddAndRemoveVectorIndexFromTheDeclaration(String name) throws Exception {
        backend = TestBackend.start(name);
        boolean engineHasIndexes = name.equals("libsql-server");
        RenameQuestioner none = RenameQuestioner.hints(List.of(), false);

        Migrations indexed = project("indexed");
        assertThat(indexed.makeMigrations(Set.of(), null, false, false, none)).singleElement()
                .satisfies(m -> assertThat(m.descriptions()).anyMatch(d -> d.contains("Create vector index " + INDEX)));
        String initial = onlyFile();
        assertThat(initial).contains("\"op\" : \"CreateModel\"", "\"op\" : \"AddVectorIndex\"", "\"if_supported\" : true",
                "\"max_neighbors\" : \"16\"", "\"search_l\" : \"100\"", "\"compress_neighbors\" : \"float8\"");
        assertThat(indexed.makeMigrations(Set.of(), null, true, false, none)).as("nothing left to detect").isEmpty();
        indexed.migrate(Map.of(), false, false);
        assertThat(vectorIndexes()).hasSize(engineHasIndexes ? 1 : 0);
        if (engineHasIndexes) assertThat(vectorIndexes().get(0)).contains("max_neighbors=16", "search_l=100");

        Migrations plain = project("plain");
        assertThat(plain.makeMigrations(Set.of(), null, false, false, none)).singleElement()
                .satisfies(m -> assertThat(m.descriptions()).anyMatch(d -> d.contains("Remove vector index " + INDEX)));
        assertThat(onlyFile()).contains("\"op\" : \"RemoveVectorIndex\"").doesNotContain("\"op\" : \"AddVectorIndex\"");
        assertThat(plain.makeMigrations(Set.of(), null, true, false, none)).isEmpty();
        plain.migrate(Map.of(), false, false);
        assertThat(vectorIndexes()).isEmpty();

        plain.migrate(Map.of("vecdecl", "0001_initial"), false, false); // the reverse creates it again
        assertThat(vectorIndexes()).hasSize(engineHasIndexes ? 1 : 0);
    }
}
