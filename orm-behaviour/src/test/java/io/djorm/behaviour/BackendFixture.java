package io.djorm.behaviour;

import io.djorm.core.Djorm;
import io.djorm.core.meta.ModelMeta;
import io.djorm.testkit.TestBackend;
import io.djorm.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configures djorm for one backend and one test class: a fresh database (and a fresh server for the
 * remote and replica backends), the class's tables created once, their rows cleared before
 * each test. Switching to another class or backend tears the previous one down.
 */
public final class BackendFixture {
    private static String currentKey;
    private static TestBackend current;
    private static List<Class<?>> currentModels = List.of();

    private BackendFixture() {
    }

    /** Makes sure djorm runs on this backend with these models' tables, empty. */
    public static synchronized void use(Class<?> testClass, String backend, List<Class<?>> models, List<String> apps) {
        String key = testClass.getName() + "@" + backend;
        if (!key.equals(currentKey)) {
            tearDown();
            current = TestBackend.start(backend);
            Djorm.configure(Map.of("DATABASES", current.databases(), "INSTALLED_APPS", apps));
            Djorm.connection().createTables(models.toArray(Class<?>[]::new));
            currentModels = models;
            currentKey = key;
        }
        clear();
    }

    /** Deletes every row of the current models, children first, automatic many-to-many rows before all. */
    public static void clear() {
        List<Class<?>> reversed = new ArrayList<>(currentModels);
        java.util.Collections.reverse(reversed);
        for (Class<?> m : reversed) {
            ModelMeta meta = Djorm.apps().register(m);
            for (var f : meta.fields()) {
                boolean automatic = f.isRelation() && f.relation().kind() == io.djorm.core.meta.Relation.Kind.MANY_TO_MANY
                        && f.relation().through().isEmpty();
                if (automatic) {
                    String table = io.djorm.core.internal.Relations.joinTable(meta, f).table().dbTable();
                    Djorm.connection().execute("DELETE FROM \"" + table + "\"");
                }
            }
        }
        for (Class<?> m : reversed) {
            ModelMeta meta = Djorm.apps().register(m);
            Djorm.connection().execute("DELETE FROM \"" + meta.dbTable() + "\"");
        }
    }

    /** The running server, for tests that inject faults; null for local backends. */
    static TestServer server() {
        return current == null ? null : current.server();
    }

    public static synchronized void tearDown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (current != null) {
            current.close();
            current = null;
        }
        currentKey = null;
    }
}
