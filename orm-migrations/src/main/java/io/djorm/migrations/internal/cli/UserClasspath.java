package io.djorm.migrations.internal.cli;

import io.djorm.core.ImproperlyConfigured;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath of the user's compiled project when the {@code orm} command runs from its own jar
 * ({@code java -jar orm-cli.jar}), where the project's models, settings class and migration resources
 * are not on the JVM's classpath. It is named by {@code --classpath} or {@code DJORM_CLASSPATH}: entries
 * separated by the platform's path separator, each a directory, a jar, or {@code dir/*} for every jar in
 * a directory (as {@code java -cp} reads it). Without one, a Maven project's {@code target/classes} in the
 * working directory is used when it exists.
 */
public final class UserClasspath {
    /** Where Maven compiles a project's classes and copies its resources. */
    static final Path MAVEN_CLASSES = Path.of("target", "classes");

    private UserClasspath() {
    }

    /**
     * The entries {@code spec} names, resolved against {@code workingDirectory}; without a spec, the
     * working directory's {@code target/classes} if it exists, else none.
     */
    public static List<Path> entries(String spec, Path workingDirectory) {
        List<Path> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            Path classes = workingDirectory.resolve(MAVEN_CLASSES);
            if (Files.isDirectory(classes)) out.add(classes);
            return out;
        }
        for (String part : spec.split(File.pathSeparator)) {
            if (part.isBlank()) continue;
            String entry = part.strip();
            if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                out.addAll(jarsIn(workingDirectory.resolve(entry.substring(0, entry.length() - 1))));
                continue;
            }
            Path path = workingDirectory.resolve(entry);
            if (!Files.exists(path)) {
                throw new ImproperlyConfigured("The classpath entry " + path + " does not exist. Compile the project"
                        + " first (mvn compile) or correct --classpath / DJORM_CLASSPATH.");
            }
            out.add(path);
        }
        return out;
    }

    /**
     * A class loader over {@code entries} that asks {@code parent} first (so djorm's own classes come
     * from the command's jar), or {@code parent} itself when there are no entries.
     */
    public static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) return parent;
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toAbsolutePath().normalize().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ImproperlyConfigured("The classpath entry " + entries.get(i) + " is not a valid location: "
                        + e.getMessage());
            }
        }
        return new URLClassLoader("djorm-user-classpath", urls, parent);
    }

    private static List<Path> jarsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ImproperlyConfigured("The classpath entry " + directory + "/* names no directory. Correct"
                    + " --classpath / DJORM_CLASSPATH.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new ImproperlyConfigured("Cannot list the classpath directory " + directory + ": " + e.getMessage());
        }
    }
}
