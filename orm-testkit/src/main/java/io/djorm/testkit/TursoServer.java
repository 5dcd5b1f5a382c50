package io.djorm.testkit;

import io.djorm.testkit.internal.NpmTools;
import io.djorm.testkit.internal.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real libSQL-family server for tests: {@code tursodb --sync-server} from the npm package
 * {@code turso}, installed on first use into {@code <repo>/.tools/turso} and started on a free loopback
 * port with a fresh database file. Serves Hrana over HTTP ({@code /v2/pipeline}) and the replica
 * protocol ({@code /pull-updates}).
 *
 * <pre>{@code
 * try (TursoServer server = TursoServer.start()) {
 *     String url = server.url(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class TursoServer extends ManagedServer {
    private TursoServer(Path binary, Path directory) {
        super(directory, db -> new ServerProcess("tursodb", directory.resolve("tursodb.log"), port -> List.of(
                binary.toString(), db.toString(), "--sync-server", "127.0.0.1:" + port)));
    }

    /** Installs the server if needed and starts it on a fresh database. */
    public static TursoServer start() {
        try {
            TursoServer server = new TursoServer(binary(), Files.createTempDirectory("djorm-turso-"));
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start tursodb", e);
        }
    }

    /** The tursodb binary: {@code DJORM_TURSODB} if set, else installed under the repository's .tools. */
    public static synchronized Path binary() throws IOException {
        String override = System.getenv("DJORM_TURSODB");
        if (override != null && !override.isBlank()) return Path.of(override);
        String bin = "node_modules/@tursodatabase/cli-linux-x64-gnu/tursodb";
        return NpmTools.install("turso", "turso", "turso.version", bin).resolve(bin);
    }
}
