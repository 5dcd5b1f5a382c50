package io.djorm.testkit;

import io.djorm.testkit.internal.NpmTools;
import io.djorm.testkit.internal.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A Hrana-over-HTTP test server on the real libSQL engine: our own small Node server (shipped in this
 * jar, {@code libsql-hrana-server/server.mjs}) on the npm package {@code libsql}, installed on first use
 * into {@code <repo>/.tools/libsql-server} and started on a free loopback port with a fresh database.
 * It behaves like sqld where djorm can tell: {@code /v2} and {@code /v3} pipelines, one engine
 * connection per stream, batons that change with every answer and expire after idling, real row counts
 * and SQLite's extended error codes. It is a test server, not a product; its README lists what it
 * leaves out (no replica protocol, no auth, no Protobuf).
 *
 * <pre>{@code
 * try (LibsqlTestServer server = LibsqlTestServer.start()) {
 *     String url = server.url(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class LibsqlTestServer extends ManagedServer {
    /** How long a stream may idle before the server closes it, unless told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final String RESOURCE = "libsql-hrana-server/server.mjs";
    private static final String ENGINE = "node_modules/libsql/package.json";
    /**
     * Node's young generation (semi-space), in MB. The {@code libsql} binding frees a stream's engine
     * connection and its prepared statements only when the garbage collector finalizes them, and every
     * stream opens a connection. With Node's default young generation that work piled up: after each
     * scavenge, about every 165 requests, the server stopped answering for 10-15 ms (measured with its
     * event loop's idle gaps against its GC events), a stall that landed on one request and decided
     * which side of a benchmark's block looked slower. At 1 MB the same work comes in pieces of 1-2 ms
     * every ten requests or so.
     */
    private static final String YOUNG_GENERATION_MB = "1";

    private LibsqlTestServer(Path script, Path directory, Duration idleTimeout) {
        super(directory, db -> new ServerProcess("libsql test server", directory.resolve("server.log"), port -> List.of(
                "node", "--max-semi-space-size=" + YOUNG_GENERATION_MB, script.toString(), "--db", db.toString(),
                "--port", Integer.toString(port),
                "--idle-timeout-ms", Long.toString(idleTimeout.toMillis()), "--exit-with-parent")));
    }

    /** Installs the engine if needed and starts the server on a fresh database. */
    public static LibsqlTestServer start() {
        return start(DEFAULT_IDLE_TIMEOUT);
    }

    /** Like {@link #start()}, with streams closed after {@code idleTimeout} without a request. */
    public static LibsqlTestServer start(Duration idleTimeout) {
        try {
            LibsqlTestServer server = new LibsqlTestServer(script(), Files.createTempDirectory("djorm-libsql-"),
                    idleTimeout);
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the libsql test server", e);
        }
    }

    /**
     * The server script, next to the installed engine so that Node resolves {@code libsql} from it. The
     * jar's copy is written there whenever it differs, so a changed server is picked up at once.
     */
    static synchronized Path script() throws IOException {
        Path prefix = NpmTools.install("libsql-server", "libsql", "libsql.version", ENGINE);
        byte[] source;
        try (InputStream in = LibsqlTestServer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("orm-testkit lacks its resource " + RESOURCE);
            source = in.readAllBytes();
        }
        Path script = prefix.resolve("server.mjs");
        if (!Files.exists(script) || !Arrays.equals(Files.readAllBytes(script), source)) {
            Path temp = Files.createTempFile(prefix, "server", ".mjs.tmp");
            Files.write(temp, source);
            Files.move(temp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return script;
    }
}
