package io.djorm.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The named regions of the snippet sources: the lines between {@code // region NAME} and
 * {@code // endregion NAME}. Regions may overlap or nest (a model class inside a larger listing), so
 * every end marker names the region it closes.
 */
public final class Regions {
    private static final Pattern START = Pattern.compile("^\\s*// region ([a-z0-9][a-z0-9-]*)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// endregion ([a-z0-9][a-z0-9-]*)\\s*$");

    /**
     * One region.
     *
     * @param name the region's name
     * @param file the source file
     * @param line the 1-based line of the start marker
     * @param text the lines between the markers, without indentation common to all of them
     */
    public record Region(String name, Path file, int line, String text) {
    }

    private Regions() {
    }

    /** Every region under the source roots, by name; raises naming the file and line on malformed markers. */
    public static Map<String, Region> under(List<Path> roots) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Path root : roots) collect(root, regions);
        return regions;
    }

    private static void collect(Path root, Map<String, Region> regions) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (Region r : in(file, Files.readAllLines(file))) {
                    Region previous = regions.putIfAbsent(r.name(), r);
                    if (previous != null) {
                        throw new IllegalStateException("Snippet region '" + r.name() + "' is defined twice: "
                                + DocsTree.shown(previous.file()) + ":" + previous.line() + " and "
                                + DocsTree.shown(file) + ":" + r.line() + ". Rename one.");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regions of one file's lines. */
    static List<Region> in(Path file, List<String> lines) {
        Map<String, Integer> open = new LinkedHashMap<>();
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = START.matcher(lines.get(i));
            Matcher end = END.matcher(lines.get(i));
            if (start.matches()) {
                if (open.putIfAbsent(start.group(1), i) != null) {
                    throw new IllegalStateException(where(file, i) + ": region '" + start.group(1) + "' opens twice.");
                }
            } else if (end.matches()) {
                Integer from = open.remove(end.group(1));
                if (from == null) {
                    throw new IllegalStateException(where(file, i) + ": endregion '" + end.group(1) + "' has no region.");
                }
                List<String> body = new ArrayList<>();
                for (String l : lines.subList(from + 1, i)) {
                    if (!START.matcher(l).matches() && !END.matcher(l).matches()) body.add(l);
                }
                out.add(new Region(end.group(1), file, from + 1, Text.dedent(body)));
            }
        }
        if (!open.isEmpty()) {
            var first = open.entrySet().iterator().next();
            throw new IllegalStateException(where(file, first.getValue()) + ": region '" + first.getKey()
                    + "' is never closed; add // endregion " + first.getKey() + ".");
        }
        return out;
    }

    private static String where(Path file, int index) {
        return DocsTree.shown(file) + ":" + (index + 1);
    }
}
