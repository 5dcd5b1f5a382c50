package io.djorm.migrations.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.ImproperlyConfigured;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the orm command reads --classpath / DJORM_CLASSPATH, and its default. */
class UserClasspathTest {
    @TempDir Path dir;

    @Test
    void entriesAreDirectoriesJarsAndJarWildcards() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("b.jar"), "");
        Files.writeString(lib.resolve("a.jar"), "");
        Files.writeString(lib.resolve("notes.txt"), "");
        String spec = "classes" + File.pathSeparator + " lib/* " + File.pathSeparator;
        assertThat(UserClasspath.entries(spec, dir)).containsExactly(classes, lib.resolve("a.jar"), lib.resolve("b.jar"));
    }

    @Test
    void withoutASpecAMavenTargetClassesIsTheDefault() throws Exception {
        assertThat(UserClasspath.entries(null, dir)).isEmpty();
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        assertThat(UserClasspath.entries(" ", dir)).containsExactly(classes);
    }

    @Test
    void aMissingEntryIsNamed() {
        assertThatThrownBy(() -> UserClasspath.entries("nowhere", dir)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining(dir.resolve("nowhere") + " does not exist");
        assertThatThrownBy(() -> UserClasspath.entries("nowhere/*", dir)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("names no directory");
    }

    @Test
    void theLoaderAsksItsParentFirst() throws Exception {
        ClassLoader parent = getClass().getClassLoader();
        assertThat(UserClasspath.loader(java.util.List.of(), parent)).isSameAs(parent);
        try (URLClassLoader loader = (URLClassLoader) UserClasspath.loader(java.util.List.of(dir), parent)) {
            assertThat(loader.getParent()).isSameAs(parent);
            assertThat(loader.loadClass(UserClasspath.class.getName())).isSameAs(UserClasspath.class);
        }
    }
}
