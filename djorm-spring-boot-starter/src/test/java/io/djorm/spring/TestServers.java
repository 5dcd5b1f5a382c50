package io.djorm.spring;

import io.djorm.testkit.LibsqlTestServer;

/** One libSQL test server for the module's tests, started on first use and stopped when the JVM exits. */
final class TestServers {
    private static LibsqlTestServer server;

    private TestServers() {
    }

    /**
     * The server's database URL. The server outlives every test context (they close first, through
     * {@code @DirtiesContext}), so djorm's shutdown never talks to a stopped server.
     */
    static synchronized String libsqlUrl() {
        if (server == null) {
            server = LibsqlTestServer.start();
            LibsqlTestServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "libsql-test-server-stop"));
        }
        return "libsql+" + server.url();
    }
}
