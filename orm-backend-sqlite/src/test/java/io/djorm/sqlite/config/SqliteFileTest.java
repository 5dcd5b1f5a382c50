package io.djorm.sqlite.config;

import io.djorm.core.Djorm;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on one SQLite file in a fresh directory, configured with the options a test gives; shut down after. */
abstract class SqliteFileTest {
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    /** Configures the {@code default} alias on {@code t.db} with these OPTIONS. */
    void configure(Map<String, Object> options) {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME",
                dir.resolve("t.db").toString(), "OPTIONS", options))));
    }
}
