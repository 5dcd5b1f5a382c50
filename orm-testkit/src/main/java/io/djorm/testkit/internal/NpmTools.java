package io.djorm.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Installs the test servers' npm packages on first use, into {@code <repo>/.tools/<dir>}, under a file
 * lock so that parallel builds install once. Versions come from the parent pom (filtered into
 * {@code npm-versions.properties}).
 */
public final class NpmTools {
    private NpmTools() {
    }

    /**
     * Makes sure {@code npmPackage} at its pinned version is installed under {@code .tools/<dir>} and
     * returns that prefix; {@code ready} (relative to the prefix) is the file whose presence shows a
     * finished install.
     */
    public static Path install(String dir, String npmPackage, String versionKey, String ready) throws IOException {
        Path prefix = repoRoot().resolve(".tools").resolve(dir);
        Path marker = prefix.resolve(ready);
        if (Files.exists(marker)) return prefix;
        Files.createDirectories(prefix);
        try (FileChannel ch = FileChannel.open(prefix.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (Files.exists(marker)) return prefix;
            String spec = npmPackage + "@" + version(versionKey);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    prefix.toString(), spec).redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes());
            waitFor(npm);
            if (npm.exitValue() != 0 || !Files.exists(marker)) {
                throw new IllegalStateException("npm install " + spec + " into " + prefix + " failed (exit "
                        + npm.exitValue() + "); check that Node and npm are installed and the npm registry is"
                        + " reachable: " + out);
            }
            return prefix;
        }
    }

    /** The pinned version under {@code key} ({@code turso.version}, {@code libsql.version}). */
    public static String version(String key) {
        Properties p = new Properties();
        try (InputStream in = NpmTools.class.getResourceAsStream("/io/djorm/testkit/npm-versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty(key);
        if (version == null || version.startsWith("${")) {
            throw new IllegalStateException("npm-versions.properties has no " + key + "; build orm-testkit with Maven");
        }
        return version;
    }

    /** The repository root: the {@code djorm.repoRoot} property, else the nearest parent with .ci or .git. */
    public static Path repoRoot() {
        String prop = System.getProperty("djorm.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci")) || Files.exists(p.resolve(".git"))) return p;
        }
        return dir;
    }

    static void waitFor(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
