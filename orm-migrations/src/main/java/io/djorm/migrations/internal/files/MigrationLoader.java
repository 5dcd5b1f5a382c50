package io.djorm.migrations.internal.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.migrations.MigrationError;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.operations.OperationReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every migration file under a root directory ({@code <root>/<app>/NNNN_name.json}). Any
 * problem (bad JSON, an unknown operation, a missing key) raises {@link MigrationError} naming the file.
 */
public final class MigrationLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The classpath folder that holds {@code <app>/NNNN_name.json} resources. */
    public static final String RESOURCE_ROOT = "migrations";
    private static final Pattern NAME = Pattern.compile("\\d{4}_\\w+");

    private MigrationLoader() {
    }

    /** All migrations under the root, sorted by app and name; none when the root does not exist. */
    public static List<Migration> load(Path root) {
        List<Migration> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> apps = Files.list(root)) {
            for (Path appDir : apps.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(appDir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        out.add(read(appDir.getFileName().toString(), file));
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrationError("Cannot read migrations under " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The migrations of {@code directory}, plus those of apps that have no folder there but ship
     * {@code migrations/<app>/*.json} resources on the classpath (a library's migrations, or the
     * project's own when run from a jar). Sorted by app and name.
     */
    public static List<Migration> load(Path directory, ClassLoader classpath) {
        List<Migration> out = new ArrayList<>(load(directory));
        if (classpath == null) return out;
        Set<String> local = new TreeSet<>();
        out.forEach(m -> local.add(m.key().app()));
        List<Migration> shipped = new ArrayList<>();
        // Added to, not instead of, the JVM's class path: overriding would drop java.class.path, and with it
        // the resources a child loader (the orm command's --classpath) inherits from its parent.
        try (ScanResult scan = new ClassGraph().addClassLoader(classpath).acceptPaths(RESOURCE_ROOT).scan()) {
            for (Resource r : scan.getResourcesWithExtension("json")) {
                String[] parts = r.getPath().split("/");
                if (parts.length != 3 || local.contains(parts[1])) continue;
                String where = r.getClasspathElementURL() + "!/" + r.getPath();
                try {
                    shipped.add(parse(parts[1], parts[2], where, r.getContentAsString()));
                } catch (IOException e) {
                    throw new MigrationError("Cannot read " + where + ": " + e.getMessage(), e);
                }
            }
        }
        // The same resource may sit in several classpath elements (target/classes and a jar): keep the first.
        Set<MigrationKey> seen = new java.util.HashSet<>();
        for (Migration m : shipped) if (seen.add(m.key())) out.add(m);
        out.sort(java.util.Comparator.comparing(Migration::key));
        return out;
    }

    /** Reads one file of the given app. */
    public static Migration read(String app, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationError("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(app, file.getFileName().toString(), file.toString(), text);
    }

    private static Migration parse(String app, String fileName, String where, String text) {
        String base = fileName.replaceFirst("\\.json$", "");
        if (!NAME.matcher(base).matches()) {
            throw new MigrationError(where + ": migration file names must look like 0001_initial.json.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MigrationError(where + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new MigrationError(where + ": a migration file holds one JSON object.");
        List<Operation> ops = new ArrayList<>();
        for (JsonNode op : root.path("operations")) ops.add(OperationReader.read(app, op, where));
        return new Migration(new MigrationKey(app, base), keys(root.path("dependencies"), where), ops,
                root.path("initial").asBoolean(false), keys(root.path("replaces"), where), where);
    }

    private static List<MigrationKey> keys(JsonNode list, String where) {
        List<MigrationKey> out = new ArrayList<>();
        for (JsonNode d : list) {
            if (!d.isArray() || d.size() != 2) {
                throw new MigrationError(where + ": a dependency must be [\"app\", \"0001_name\"], not " + d + ".");
            }
            out.add(new MigrationKey(d.get(0).asText(), d.get(1).asText()));
        }
        return out;
    }
}
