package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces the text between {@code <!-- name:begin -->} and {@code <!-- name:end -->} on a docs page. */
final class PageSection {
    private PageSection() {
    }

    static void replace(Path page, String name, String body) throws IOException {
        String text = Files.readString(page);
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(page + " has no " + begin.strip() + " ... " + end + " section to fill");
        }
        Files.writeString(page, text.substring(0, from + begin.length()) + body + text.substring(to));
    }
}
