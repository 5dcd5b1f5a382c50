package io.djorm.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One backend ready for a test class: a fresh temporary directory, a running {@link TestServer} when
 * the backend needs one, and the settings of its {@code default} alias. Close it to stop the server.
 *
 * <pre>{@code
 * TestBackend backend = TestBackend.start("libsql-remote");
 * Djorm.configure(Map.of("DATABASES", backend.databases()));
 * }</pre>
 */
public final class TestBackend implements AutoCloseable {
    private final String name;
    private final TestServer server;
    private final Map<String, Object> settings;

    private TestBackend(String name, TestServer server, Map<String, Object> settings) {
        this.name = name;
        this.server = server;
        this.settings = settings;
    }

    /** The backends a run covers: all five, or those named in {@code -Ddjorm.backends=a,b}. */
    public static List<String> selected() {
        String only = System.getProperty("djorm.backends");
        return only == null || only.isBlank() ? TestDatabases.ALL : List.of(only.split(","));
    }

    /** Prepares a backend: a fresh directory, and the server for remote and replica backends. */
    public static TestBackend start(String backend) {
        Path dir = TestDatabases.tempDir("djorm-" + backend + "-");
        TestServer server = TestDatabases.startServer(backend);
        return new TestBackend(backend, server, TestDatabases.settings(backend, dir, server == null ? null : server.url()));
    }

    /** The backend's name ({@code "sqlite"}, {@code "libsql-remote"}, {@code "libsql-server"}, ...). */
    public String name() {
        return name;
    }

    /** The {@code DATABASES} setting: the backend as the {@code default} alias. */
    public Map<String, Object> databases() {
        return Map.of("default", settings);
    }

    /** The server, or null for local backends. */
    public TestServer server() {
        return server;
    }

    /** Stops the server, if any. */
    @Override
    public void close() {
        if (server != null) server.close();
    }
}
