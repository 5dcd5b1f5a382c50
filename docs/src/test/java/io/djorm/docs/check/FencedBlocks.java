package io.djorm.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown page. */
public final class FencedBlocks {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(.*)$");
    private static final Pattern IMPORTS = Pattern.compile("^java\\s+imports(?:\\s|$)");
    private static final Pattern SNIPPET = Pattern.compile("(?:^|\\s)snippet=([a-z0-9][a-z0-9-]*)(?:\\s|$)");

    /**
     * One block.
     *
     * @param page the page
     * @param openLine the 1-based line of the opening fence
     * @param closeLine the 1-based line of the closing fence
     * @param language the first word of the info string ({@code java}, {@code xml}, ...), or empty
     * @param snippet the {@code snippet=NAME} of the info string, or null
     * @param imports whether the info string is {@code java imports}: the page's imports block
     * @param indent the indentation of the opening fence (blocks inside list items are indented)
     * @param text the block's lines, dedented as {@link Regions} dedents regions
     */
    public record Block(Path page, int openLine, int closeLine, String language, String snippet, boolean imports,
                        String indent,
                        String text) {
    }

    private FencedBlocks() {
    }

    /** The blocks of a page, in order; raises when a fence is never closed. */
    public static List<Block> of(Path page) {
        try {
            return of(page, Files.readAllLines(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> of(Path page, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) continue;
            String info = open.group(2).strip();
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) close++;
            if (close == lines.size()) {
                throw new IllegalStateException(DocsTree.shown(page) + ":" + (i + 1) + ": the code block is never closed.");
            }
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            Matcher snippet = SNIPPET.matcher(info);
            blocks.add(new Block(page, i + 1, close + 1, language, snippet.find() ? snippet.group(1) : null,
                    IMPORTS.matcher(info).find(), open.group(1), Text.dedent(lines.subList(i + 1, close))));
            i = close;
        }
        return blocks;
    }
}
