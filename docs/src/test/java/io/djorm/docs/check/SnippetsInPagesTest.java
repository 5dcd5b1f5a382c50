package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of every page is a region of the snippet sources, character for character, and
 * compiles exactly as the page prints it, with the page's one imports block ({@link SnippetCompiler}).
 * Each region sits in a test that runs it (or in a model class those tests use), so a page cannot show
 * code that does not compile, that leans on an import it does not show, or that does not work.
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
    void everySnippetCompilesExactlyAsPrintedWithThePageImports() {
        List<String> problems = SnippetCompiler.problems(DocsTree.pages());
        assertThat(problems).as("Java blocks of docs/*.md that do not compile as printed:\n"
                + String.join("\n", problems) + "\n").isEmpty();
    }

    @Test
    void theModelsPageShowsEveryShopModelWhole() throws Exception {
        Map<String, Regions.Region> regions = Regions.under(DocsTree.snippetSources());
        Set<String> shown = FencedBlocks.of(DocsTree.docsDir().resolve("models-used.md")).stream()
                .map(FencedBlocks.Block::snippet).filter(Objects::nonNull).collect(Collectors.toSet());
        Path shop = DocsTree.docsDir().resolve("src/test/java/io/djorm/docs/shop");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(shop)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> code = Files.readAllLines(file).stream().filter(l -> !l.strip().matches("// (end)?region .*")).toList();
                String whole = Text.dedent(code);
                boolean ok = regions.values().stream().anyMatch(r -> r.file().equals(file) && r.text().equals(whole)
                        && shown.contains(r.name()));
                if (!ok) missing.add(file.getFileName().toString());
            }
        }
        assertThat(missing).as("shop models not shown whole (one region around the whole file) on docs/models-used.md")
                .isEmpty();
    }

    @Test
    void theCompilerNamesThePageLineOfAnErrorAndChecksTheImportsBlock(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # Page

                ```java imports
                import java.util.List;
                import java.util.Map;
                import java.util.*;
                ```

                ```java snippet=uses-list
                List<String> names = List.of("a");
                Path first;
                ```

                ```java snippet=a-method
                static int twice(int x) {
                    return 2 * x;
                }
                ```

                ```java snippet=a-file
                package demo.shop;

                public class Shelf {
                    public int size;
                }
                ```
                """);
        List<String> problems = SnippetCompiler.problems(List.of(page));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("page.md:5: no snippet of the page uses Map; remove the import.");
        assertThat(problems.get(1)).contains("page.md:6: import each name on its own line instead of java.util.*");
        assertThat(problems.get(2)).contains("page.md:11: snippet 'uses-list' does not compile as printed")
                .contains("Path");

        Files.writeString(page, """
                ```java snippet=statements
                System.out.println(1);
                ```
                """);
        assertThat(SnippetCompiler.problems(List.of(page))).singleElement().asString()
                .contains("page.md:1: the page has Java snippets but no ```java imports block");

        Files.writeString(page, """
                ```java snippet=statements
                List<Integer> xs = List.of(1);
                ```

                ```java imports
                import java.util.List;
                ```
                """);
        assertThat(SnippetCompiler.problems(List.of(page))).singleElement().asString()
                .contains("page.md:5: the ```java imports block must come before the page's first snippet (line 1)");
    }

    @Test
    void blocksAreFilesMembersOrStatements() {
        assertThat(SnippetCompiler.kindOf("package a;\n\n@Meta(x = 1)\npublic class B extends Model {\n}"))
                .isEqualTo(SnippetCompiler.Kind.FILE);
        assertThat(SnippetCompiler.kindOf("static Map<String, Object> settings() {\n    return Map.of();\n}"))
                .isEqualTo(SnippetCompiler.Kind.MEMBERS);
        assertThat(SnippetCompiler.kindOf("// a comment\nBook b = new Book();"))
                .isEqualTo(SnippetCompiler.Kind.STATEMENTS);
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
