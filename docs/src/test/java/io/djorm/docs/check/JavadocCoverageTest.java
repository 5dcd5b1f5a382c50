package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every public type of every library module has a Javadoc comment. */
class JavadocCoverageTest {
    /** The library modules whose main sources are checked. */
    static final List<String> MODULES = List.of("orm-core", "orm-backend-sqlite", "orm-backend-libsql",
            "orm-migrations", "orm-vector", "orm-async", "orm-testkit", "djorm-spring-boot-starter");

    @Test
    void everyPublicTypeOfTheLibraryHasJavadoc() {
        List<Path> roots = MODULES.stream().map(m -> DocsTree.repoRoot().resolve(m).resolve("src/main/java")).toList();
        List<JavadocCoverage.Offender> offenders = JavadocCoverage.offenders(roots);
        assertThat(offenders).as(offenders.size() + " public types have no Javadoc comment:\n"
                + offenders.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n").isEmpty();
    }

    @Test
    void theCheckFindsEveryKindOfUndocumentedPublicType(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Api.java"), """
                package p;

                /** Documented. */
                public class Api {
                    public static final class Nested {
                    }

                    /** Documented nested record. */
                    public record Point(int x) {
                    }

                    private static final class Hidden {
                        public static final class InsideHidden {
                        }
                    }

                    public interface Callback {
                        enum Mode { ON, OFF }
                    }

                    void method() {
                        class Local {
                        }
                        Runnable r = new Runnable() {
                            public void run() {
                            }
                        };
                    }
                }

                class PackagePrivate {
                }
                """);
        Files.writeString(dir.resolve("Tag.java"), "package p;\n\n// a line comment is not Javadoc\npublic @interface Tag {\n}\n");
        List<String> found = JavadocCoverage.offenders(List.of(dir)).stream()
                .map(o -> o.file().getFileName() + ":" + o.line() + " " + o.kind() + " " + o.name()).toList();
        assertThat(found).containsExactly(
                "Api.java:5 class Api.Nested",
                "Api.java:17 interface Api.Callback",
                "Api.java:18 enum Api.Callback.Mode",
                "Tag.java:4 @interface Tag");
    }
}
