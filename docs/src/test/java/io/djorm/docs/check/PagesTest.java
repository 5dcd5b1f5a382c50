package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages hang together: the index lists each one, links resolve, the errors page covers every exception. */
class PagesTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void theIndexListsEveryPage() throws IOException {
        String index = Files.readString(DocsTree.docsDir().resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (Path page : DocsTree.pages()) {
            String name = page.getFileName().toString();
            if (!name.equals("README.md") && !index.contains("](" + name + ")")) missing.add(name);
        }
        assertThat(missing).as("pages not linked from docs/README.md").isEmpty();
    }

    @Test
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>(DocsTree.pages());
        pages.add(DocsTree.repoRoot().resolve("README.md"));
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.contains("://") || target.startsWith("mailto:")) continue;
                    if (!Files.exists(page.getParent().resolve(target))) {
                        broken.add(DocsTree.shown(page) + ":" + (i + 1) + ": " + target);
                    }
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void aPageThatImportsTheShopModelsLinksToThem() throws IOException {
        List<String> unlinked = new ArrayList<>();
        for (Path page : DocsTree.pages()) {
            boolean imports = FencedBlocks.of(page).stream()
                    .anyMatch(b -> b.imports() && b.text().contains("import io.djorm.docs.shop."));
            String name = page.getFileName().toString();
            if (imports && !name.equals("models-used.md") && !Files.readString(page).contains("](models-used.md)")) {
                unlinked.add(name);
            }
        }
        assertThat(unlinked).as("pages whose snippets use the shop models without linking docs/models-used.md")
                .isEmpty();
    }

    @Test
    void theErrorsPageExplainsEveryException() throws IOException {
        String errors = Files.readString(DocsTree.docsDir().resolve("errors.md"));
        List<String> missing = new ArrayList<>();
        for (String module : JavadocCoverageTest.MODULES) {
            Path root = DocsTree.repoRoot().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/internal/")).toList()) {
                    String name = f.getFileName().toString().replace(".java", "");
                    String source = Files.readString(f);
                    boolean isException = source.matches("(?s).*public (final )?class " + name
                            + " extends \\w*(Error|Exception|ObjectDoesNotExist|MultipleObjectsReturned|ImproperlyConfigured)\\b.*");
                    if (isException && !errors.contains("| `" + name + "`")) missing.add(name);
                }
            }
        }
        assertThat(missing).as("public exceptions without a row in docs/errors.md").isEmpty();
    }
}
