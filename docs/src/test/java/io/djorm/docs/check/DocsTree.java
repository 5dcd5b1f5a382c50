package io.djorm.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository, the pages and the snippet sources are, found from the test's working directory. */
public final class DocsTree {
    private DocsTree() {
    }

    /** The repository root: {@code djorm.repoRoot} when Maven sets it, else the parent of the docs module. */
    public static Path repoRoot() {
        String configured = System.getProperty("djorm.repoRoot");
        if (configured != null && Files.isDirectory(Path.of(configured, "docs"))) return Path.of(configured);
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/pom.xml"))) return p;
        }
        throw new IllegalStateException("Cannot find the repository root from " + here
                + "; run from the repository or set -Ddjorm.repoRoot.");
    }

    /** The docs directory, holding the Markdown pages. */
    public static Path docsDir() {
        return repoRoot().resolve("docs");
    }

    /**
     * The Java sources that hold the snippets: the tests that run them ({@code io.djorm.docs.snippets})
     * and the models those tests use ({@code io.djorm.docs.shop}). Nothing else is searched, so a
     * snippet cannot sit where no test runs it.
     */
    public static List<Path> snippetSources() {
        Path base = docsDir().resolve("src/test/java/io/djorm/docs");
        return List.of(base.resolve("snippets"), base.resolve("shop"));
    }

    /** Every Markdown page of the docs directory (not its subdirectories), sorted by name. */
    public static List<Path> pages() {
        try (Stream<Path> files = Files.list(docsDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path shown relative to the repository root, with forward slashes. */
    public static String shown(Path path) {
        return repoRoot().relativize(path.toAbsolutePath()).toString().replace('\\', '/');
    }
}
