package io.djorm.migrations;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The five test backends of a migration test class that runs on each of them: register it as a static
 * {@code @RegisterExtension} field, take the backends from {@link #names()} and {@link #open} an empty
 * database per test. Each database (and the server a remote one needs) is opened through its
 * {@link Backend}, without the global {@code Djorm} configuration, on first use, and closed after the class.
 */
final class EveryBackend implements AfterAllCallback {
    private final Map<String, TestServer> servers = new LinkedHashMap<>();
    private final Map<String, Database> databases = new LinkedHashMap<>();

    /** The backend names (the arguments of {@link OnEveryBackend} tests). */
    static List<String> names() {
        return TestDatabases.ALL;
    }

    /**
     * A connection to the backend's database, emptied, with migration projects that write their files
     * under {@code dir}.
     */
    EmptyDatabase open(String backend, Path dir) {
        Database database = database(backend);
        Connection db = database.connect();
        wipe(db);
        return new EmptyDatabase(database, db, dir);
    }

    private synchronized Database database(String backend) {
        return databases.computeIfAbsent(backend, this::start);
    }

    private Database start(String backend) {
        String url = null;
        if (TestDatabases.needsServer(backend)) {
            TestServer server = TestDatabases.startServer(backend);
            servers.put(backend, server);
            url = server.url();
        }
        Path dir = TestDatabases.tempDir("djorm-migrations-" + backend + "-");
        DatabaseSettings settings = new DatabaseSettings("default", TestDatabases.settings(backend, dir, url));
        for (Backend b : ServiceLoader.load(Backend.class)) {
            if (b.engines().contains(settings.engine())) return b.open(settings);
        }
        throw new IllegalStateException("no backend on the test classpath provides " + settings.engine());
    }

    /** Drops every table: the database is shared by the tests of the class, each starts from nothing. */
    private static void wipe(Connection c) {
        List<String> tables = new ArrayList<>();
        try (RowCursor rows = c.query(Statement.of("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite%'"))) {
            while (rows.next()) tables.add(rows.getString(0));
        }
        if (tables.isEmpty()) return;
        c.update(Statement.of("PRAGMA foreign_keys = OFF"));
        for (String t : tables) c.update(Statement.of("DROP TABLE \"" + t.replace("\"", "\"\"") + "\""));
        c.update(Statement.of("PRAGMA foreign_keys = ON"));
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        databases.values().forEach(Database::close);
        servers.values().forEach(TestServer::close);
        databases.clear();
        servers.clear();
    }
}
