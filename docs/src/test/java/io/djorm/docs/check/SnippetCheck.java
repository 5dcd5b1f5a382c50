package io.djorm.docs.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the Java blocks of the pages with the snippet regions they name. Every {@code ```java} block
 * must name a region ({@code ```java snippet=NAME}), and its text must equal the region's text after
 * both lose their common indentation. The page's {@code ```java imports} block is no region: it is written
 * on the page, and {@link SnippetCompiler} keeps it honest.
 */
public final class SnippetCheck {
    private SnippetCheck() {
    }

    /** One problem, phrased for the person who has to fix it. */
    public static List<String> problems(List<Path> pages, Map<String, Regions.Region> regions) {
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            for (FencedBlocks.Block block : FencedBlocks.of(page)) {
                String where = DocsTree.shown(page) + ":" + block.openLine();
                if (!block.language().equals("java") || block.imports()) continue;
                if (block.snippet() == null) {
                    problems.add(where + ": a ```java block without snippet=NAME. Move the code into a test under "
                            + "docs/src/test/java between // region NAME and // endregion NAME, and open the block with "
                            + "```java snippet=NAME.");
                    continue;
                }
                Regions.Region region = regions.get(block.snippet());
                if (region == null) {
                    problems.add(where + ": snippet '" + block.snippet() + "' is not a region of docs/src/test/java. "
                            + "Known snippets: " + regions.keySet() + ".");
                    continue;
                }
                int line = Text.firstDifference(block.text(), region.text());
                if (line != 0) {
                    problems.add(where + ": snippet '" + block.snippet() + "' differs from "
                            + DocsTree.shown(region.file()) + ":" + region.line() + " at its line " + line
                            + ".\n    page:   " + Text.line(block.text(), line)
                            + "\n    source: " + Text.line(region.text(), line)
                            + "\n    Run SnippetSync (see docs/README.md) to copy the sources into the pages.");
                }
            }
        }
        return problems;
    }
}
