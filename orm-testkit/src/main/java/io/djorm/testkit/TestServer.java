package io.djorm.testkit;

import java.nio.file.Path;

/**
 * A Hrana-over-HTTP server that the test kit started on a free loopback port with a fresh database:
 * {@link TursoServer} ({@code tursodb}) or {@link LibsqlTestServer} (the libSQL engine behind a test
 * server of ours). Close it to stop it and delete its files.
 */
public interface TestServer extends AutoCloseable {
    /** The base URL, {@code http://127.0.0.1:<port>}. */
    default String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The port the server listens on. */
    int port();

    /** The server's database file. */
    Path databaseFile();

    /** Whether the server process is running. */
    boolean isRunning();

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill();

    /**
     * Stops the server process (SIGSTOP) without killing it: connections stay open and requests get no
     * answer until {@link #thaw()}, as with a server that hangs. Linux and macOS only.
     */
    void freeze();

    /** Lets a {@link #freeze() frozen} server run again (SIGCONT). */
    void thaw();

    /** Starts the server again on the same port and database file after {@link #kill()}. */
    void restart();

    /** Stops the server and deletes its files. */
    @Override
    void close();
}
