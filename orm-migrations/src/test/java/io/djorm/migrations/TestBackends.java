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

/**
 * Opens the four test backends (sqlite, libsql local, remote and replica) straight through their
 * {@link Backend}, without the global {@code Djorm} configuration, so several can be open at once.
 * Each server backend gets its own server (tursodb, or the libSQL test server), started on first use and stopped by
 * {@link #close()}.
 */
final class TestBackends implements AutoCloseable {
    private final Map<String, TestServer> servers = new LinkedHashMap<>();
    private final Map<String, Database> databases = new LinkedHashMap<>();

    /** The database of a backend, opened once. */
    synchronized Database database(String backend) {
        return databases.computeIfAbsent(backend, this::open);
    }

    private Database open(String backend) {
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

    /** Drops every table, so a test starts from an empty database. */
    static void wipe(Connection c) {
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
    public synchronized void close() {
        databases.values().forEach(Database::close);
        servers.values().forEach(TestServer::close);
        databases.clear();
        servers.clear();
    }
}
