package io.djorm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
public final class TursoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private final Path binary;
    private final Path directory;
    private final Path dbFile;
    private final Path log;
    private int port;
    private Process process;

    private TursoServer(Path binary, Path directory) {
        this.binary = binary;
        this.directory = directory;
        this.dbFile = directory.resolve("primary.db");
        this.log = directory.resolve("tursodb.log");
    }

    /** Installs the server if needed and starts it on a fresh database. */
    public static TursoServer start() {
        try {
            TursoServer server = new TursoServer(binary(), Files.createTempDirectory("djorm-turso-"));
            server.launch(freePort());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start tursodb", e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The server's database file. */
    public Path databaseFile() {
        return dbFile;
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /**
     * Stops the server process (SIGSTOP) without killing it: connections stay open and requests get no
     * answer until {@link #thaw()}, as with a server that hangs. Linux and macOS only.
     */
    public void freeze() {
        signal("-STOP");
    }

    /** Lets a {@link #freeze() frozen} server run again (SIGCONT). */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) throw new IllegalStateException("tursodb is not running");
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) throw new IllegalStateException("kill " + signal + " failed for tursodb");
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal tursodb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling tursodb", e);
        }
    }

    /** Starts the server again on the same port and database file after {@link #kill()}. */
    public void restart() {
        kill();
        try {
            launch(port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart tursodb", e);
        }
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        kill();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans them eventually
        }
    }

    private void launch(int onPort) throws IOException {
        this.port = onPort;
        ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), dbFile.toString(), "--sync-server",
                "127.0.0.1:" + onPort));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("tursodb exited with " + process.exitValue() + " on port " + onPort
                        + ": " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", onPort), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        kill();
        throw new IllegalStateException("tursodb did not listen on port " + onPort + " within " + START_TIMEOUT
                + ": " + tail());
    }

    private String tail() {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The tursodb binary: {@code DJORM_TURSODB} if set, else installed under the repository's .tools. */
    public static synchronized Path binary() throws IOException {
        String override = System.getenv("DJORM_TURSODB");
        if (override != null && !override.isBlank()) return Path.of(override);
        Path prefix = repoRoot().resolve(".tools").resolve("turso");
        Path bin = prefix.resolve("node_modules/@tursodatabase/cli-linux-x64-gnu/tursodb");
        if (Files.isExecutable(bin)) return bin;
        Files.createDirectories(prefix);
        try (FileChannel ch = FileChannel.open(prefix.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (Files.isExecutable(bin)) return bin;
            String spec = "turso@" + version();
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    prefix.toString(), spec).redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes());
            waitFor(npm);
            if (npm.exitValue() != 0 || !Files.isExecutable(bin)) {
                throw new IllegalStateException("npm install " + spec + " failed (exit " + npm.exitValue() + "): " + out);
            }
            return bin;
        }
    }

    private static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = TursoServer.class.getResourceAsStream("turso.properties")) {
            p.load(in);
        }
        return p.getProperty("turso.version");
    }

    /** The repository root: the {@code djorm.repoRoot} property, else the nearest parent with .git or mvnw-less pom + .ci. */
    public static Path repoRoot() {
        String prop = System.getProperty("djorm.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci")) || Files.exists(p.resolve(".git"))) return p;
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
