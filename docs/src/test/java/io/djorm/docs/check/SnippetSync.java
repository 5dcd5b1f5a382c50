package io.djorm.docs.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies every snippet region into the page blocks that name it, so authors edit code only in the
 * (compiled, tested) sources:
 *
 * <pre>
 * docs/run-check.sh SnippetSync
 * </pre>
 */
public final class SnippetSync {
    private SnippetSync() {
    }

    /** Rewrites the pages in place and prints each page it changed. */
    public static void main(String[] args) throws IOException {
        Map<String, Regions.Region> regions = Regions.under(DocsTree.snippetSources());
        for (Path page : DocsTree.pages()) {
            List<String> lines = new ArrayList<>(Files.readAllLines(page));
            List<FencedBlocks.Block> blocks = FencedBlocks.of(page, lines);
            boolean changed = false;
            // Back to front, so earlier line numbers stay valid while later blocks change length.
            for (int b = blocks.size() - 1; b >= 0; b--) {
                FencedBlocks.Block block = blocks.get(b);
                Regions.Region region = block.snippet() == null ? null : regions.get(block.snippet());
                if (region == null || block.text().equals(region.text())) continue;
                List<String> body = new ArrayList<>();
                for (String l : region.text().split("\n", -1)) body.add(l.isEmpty() ? "" : block.indent() + l);
                lines.subList(block.openLine(), block.closeLine() - 1).clear();
                lines.addAll(block.openLine(), body);
                changed = true;
            }
            if (changed) {
                Files.writeString(page, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                System.out.println("updated " + DocsTree.shown(page));
            }
        }
    }
}
