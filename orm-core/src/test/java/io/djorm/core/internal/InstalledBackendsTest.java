package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Database;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backends registered only in the thread's context class loader (a tool's project classpath) are found. */
class InstalledBackendsTest {
    /** A backend that only a service file in the test's own class loader lists. */
    public static final class ContextOnlyBackend implements Backend {
        @Override
        public Set<String> engines() {
            return Set.of("context-only");
        }

        @Override
        public Database open(DatabaseSettings settings) {
            throw new UnsupportedOperationException("never opened");
        }
    }

    @Test
    void theContextClassLoadersBackendsAreFoundOnce(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + Backend.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, ContextOnlyBackend.class.getName() + "\n");
        assertThat(names()).doesNotContain(ContextOnlyBackend.class.getName());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader project = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(project);
            assertThat(names()).containsOnlyOnce(ContextOnlyBackend.class.getName());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static java.util.List<String> names() {
        return InstalledBackends.all().stream().map(b -> b.getClass().getName()).toList();
    }
}
