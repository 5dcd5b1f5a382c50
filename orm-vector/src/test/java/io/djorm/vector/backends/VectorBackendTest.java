package io.djorm.vector.backends;

import io.djorm.core.Djorm;
import io.djorm.testkit.TestBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of the vector tests that run on real databases: each class runs once per backend (sqlite,
 * libsql-local, libsql-remote, libsql-replica, libsql-server), the remote ones on a real server. The tables
 * are created once per class and backend, through the backend's schema editor (the path migrations
 * take), and emptied before each test.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.djorm.vector.backends.VectorBackendTest#backends")
abstract class VectorBackendTest {
    private static String currentKey;
    private static TestBackend current;

    @Parameter
    String backend;

    static List<String> backends() {
        return TestBackend.selected();
    }

    /** The model classes whose tables the test needs, parents first. */
    protected abstract List<Class<?>> models();

    @BeforeEach
    void useBackend() {
        String key = getClass().getName() + "@" + backend;
        if (!key.equals(currentKey)) {
            releaseBackend();
            current = TestBackend.start(backend);
            Djorm.configure(Map.of("DATABASES", withLongStatements(current.databases()), "INSTALLED_APPS",
                    List.of("io.djorm.vector.backends.library")));
            Djorm.connection().createTables(models().toArray(Class<?>[]::new));
            currentKey = key;
        }
        List<Class<?>> models = models();
        for (int i = models.size() - 1; i >= 0; i--) {
            Djorm.connection().execute("DELETE FROM " + Djorm.database("default").dialect()
                    .quote(Djorm.apps().register(models.get(i)).dbTable()));
        }
    }

    /**
     * The databases with server requests allowed to take minutes: building a vector index is one long
     * statement, and on a loaded machine it outlasts the test kit's 20 s.
     */
    private static Map<String, Object> withLongStatements(Map<String, Object> databases) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        databases.forEach((alias, settings) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> db = new java.util.LinkedHashMap<>((Map<String, Object>) settings);
            if (db.containsKey("OPTIONS")) {
                Map<String, Object> options = new java.util.LinkedHashMap<>((Map<String, Object>) db.get("OPTIONS"));
                options.put("TIMEOUT", 600);
                db.put("OPTIONS", options);
            }
            out.put(alias, db);
        });
        return out;
    }

    @AfterAll
    static void releaseBackend() {
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (current != null) {
            current.close();
            current = null;
        }
        currentKey = null;
    }
}
