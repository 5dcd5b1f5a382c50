package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of every page is a region of the snippet sources, character for character. The
 * sources are compiled with the tests, and each region sits in a test that runs it (or in a model
 * class those tests use), so a page cannot show code that does not compile or does not work.
 */
class SnippetsInPagesTest {

    @Test
    void everyJavaBlockOfEveryPageIsATestedSnippet() {
        Map<String, Regions.Region> regions = Regions.under(DocsTree.snippetSources());
        List<String> problems = SnippetCheck.problems(DocsTree.pages(), regions);
        assertThat(problems).as("Java blocks of docs/*.md that are not tested snippets:\n"
                + String.join("\n", problems) + "\n").isEmpty();
    }

    @Test
    void theCheckNamesThePageTheSnippetAndTheLine(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("A.java"), """
                class A {
                    void run() {
                        // region hello
                        int x = 1;
                        System.out.println(x);
                        // endregion hello
                    }
                }
                """);
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # Page

                ```java snippet=hello
                int x = 2;
                System.out.println(x);
                ```

                ```java
                untracked();
                ```

                ```java snippet=missing
                ```

                ```sh
                mvn verify
                ```
                """);
        List<String> problems = SnippetCheck.problems(List.of(page), Regions.under(List.of(src)));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("page.md:3: snippet 'hello' differs from")
                .contains("A.java:3 at its line 1").contains("page:   int x = 2;").contains("source: int x = 1;");
        assertThat(problems.get(1)).contains("page.md:8: a ```java block without snippet=NAME");
        assertThat(problems.get(2)).contains("page.md:12: snippet 'missing' is not a region").contains("[hello]");

        Files.writeString(page, "```java snippet=hello\n    int x = 1;\n    System.out.println(x);\n```\n");
        assertThat(SnippetCheck.problems(List.of(page), Regions.under(List.of(src)))).isEmpty();
    }

    @Test
    void malformedMarkersAreReportedWithTheirLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("B.java"), "class B {\n// region open\n}\n");
        assertThatThrownBy(() -> Regions.under(List.of(dir))).hasMessageContaining("B.java:2: region 'open' is never closed");
        Files.writeString(dir.resolve("B.java"), "class B {\n// endregion stray\n}\n");
        assertThatThrownBy(() -> Regions.under(List.of(dir))).hasMessageContaining("B.java:2: endregion 'stray' has no region");
    }
}
