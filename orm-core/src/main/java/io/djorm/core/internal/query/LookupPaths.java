package io.djorm.core.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits lookup paths ({@code "author__name__icontains"}) at their {@code "__"} separators. The same
 * parts as {@code path.split("__", -1)}, without it: a two-character separator is not on
 * {@link String#split}'s fast path, so every call compiled a regular expression, and filter() and F()
 * split every path they resolve.
 */
public final class LookupPaths {
    private static final String SEPARATOR = "__";

    private LookupPaths() {
    }

    /** The parts of {@code path}, left to right, empty parts (and trailing ones) kept. */
    public static String[] split(String path) {
        int at = path.indexOf(SEPARATOR);
        if (at < 0) return new String[] {path};
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        while (at >= 0) {
            parts.add(path.substring(from, at));
            from = at + SEPARATOR.length();
            at = path.indexOf(SEPARATOR, from);
        }
        parts.add(path.substring(from));
        return parts.toArray(new String[0]);
    }
}
