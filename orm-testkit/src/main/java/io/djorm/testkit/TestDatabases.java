package io.djorm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five backends the behaviour suite runs on, as Django-shaped settings for one alias:
 * {@code sqlite}, {@code libsql-local}, {@code libsql-remote} and {@code libsql-replica} (the last two
 * on a real {@code tursodb}), and {@code libsql-server} (remote, on the libSQL engine behind
 * {@link LibsqlTestServer}). Servers are started on demand and owned by the caller.
 */
public final class TestDatabases {
    /** Every backend name, in the order tests run them. */
    public static final List<String> ALL = List.of("sqlite", "libsql-local", "libsql-remote", "libsql-replica",
            "libsql-server");

    private TestDatabases() {
    }

    /** Whether the backend needs a running server. */
    public static boolean needsServer(String backend) {
        return backend.equals("libsql-remote") || backend.equals("libsql-replica") || backend.equals("libsql-server");
    }

    /** Starts the server a backend needs (tursodb, or the libSQL test server), or returns null for local ones. */
    public static TestServer startServer(String backend) {
        if (!needsServer(backend)) return null;
        return backend.equals("libsql-server") ? LibsqlTestServer.start() : TursoServer.start();
    }

    /**
     * The settings of one alias for a backend: files go under {@code dir}; {@code serverUrl} is the
     * primary for remote and replica backends (ignored otherwise).
     */
    public static Map<String, Object> settings(String backend, Path dir, String serverUrl) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> db = new LinkedHashMap<>();
        switch (backend) {
            case "sqlite" -> {
                db.put("ENGINE", "sqlite");
                db.put("NAME", dir.resolve("sqlite.db").toString());
            }
            case "libsql-local" -> {
                db.put("ENGINE", "libsql");
                db.put("NAME", dir.resolve("libsql-local.db").toString());
            }
            case "libsql-remote", "libsql-server" -> {
                db.put("ENGINE", "libsql");
                db.put("NAME", serverUrl);
                db.put("OPTIONS", Map.of("TIMEOUT", 20));
            }
            case "libsql-replica" -> {
                db.put("ENGINE", "libsql");
                db.put("NAME", dir.resolve("replica.db").toString());
                db.put("SYNC_URL", serverUrl);
                db.put("OPTIONS", Map.of("TIMEOUT", 20));
            }
            default -> throw new IllegalArgumentException("Unknown test backend '" + backend + "'; use one of " + ALL);
        }
        return db;
    }

    /** A fresh temporary directory. */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
