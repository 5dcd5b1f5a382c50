package io.djorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.meta.ModelMeta;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles inspectdb's sources with javac (javax.tools) and loads the models they declare. */
final class GeneratedModels {
    private GeneratedModels() {
    }

    /**
     * Compiles the sources (class name to text, all in {@code packageName}) under {@code dir} against the
     * test classpath, failing the test with javac's messages, and returns each class's model metadata.
     */
    static List<ModelMeta> compileAndLoad(Map<String, String> sources, String packageName, Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/" + packageName.replace('.', '/')));
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(Files.writeString(src.resolve(e.getKey() + ".java"), e.getValue()).toFile());
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", classpath, "-d", classes.toString()),
                    null, fm.getJavaFileObjectsFromFiles(files)).call();
            assertThat(diagnostics.getDiagnostics()).as("javac on the generated sources").isEmpty();
            assertThat(ok).isTrue();
        }
        List<ModelMeta> models = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedModels.class.getClassLoader())) {
            for (String name : sources.keySet()) models.add(Apps.meta(loader.loadClass(packageName + "." + name)));
        }
        return models;
    }
}
