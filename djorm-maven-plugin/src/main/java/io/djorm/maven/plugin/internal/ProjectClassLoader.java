package io.djorm.maven.plugin.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a piece of work with the project's compile classpath (its classes and dependency jars) as the
 * thread's context class loader. The loader's parent is the plugin's own, so djorm's classes are the
 * plugin's and the project's models, settings classes and backends are found through the context
 * loader, where djorm looks for them.
 */
public final class ProjectClassLoader {
    private ProjectClassLoader() {
    }

    /** Runs {@code work} with a loader over {@code classpath} as context class loader, then closes it. */
    public static <T> T call(List<String> classpath, ClassLoader parent, Supplier<T> work) {
        URL[] urls = classpath.stream().map(ProjectClassLoader::url).toArray(URL[]::new);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("djorm-project", urls, parent)) {
            thread.setContextClassLoader(loader);
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the project class loader", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL url(String element) {
        try {
            return new File(element).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("classpath element " + element + " is not a valid path", e);
        }
    }
}
