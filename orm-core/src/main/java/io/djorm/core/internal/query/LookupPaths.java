package io.djorm.core.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Splits lookup paths ({@code "author__name__icontains"}) at their {@code "__"} separators. The same
 * parts as {@code path.split("__", -1)}, without it: a two-character separator is not on
 * {@link String#split}'s fast path, so every call compiled a regular expression, and filter() and F()
 * split every path they resolve.
 *
 * <p>The parts of the paths split lately are kept, found by the path's own (cached) hash: an application
 * filters on the same few literal paths again and again, and splitting {@code "pages__lt"} anew (two
 * substrings, a list and an array) was a sixth of building a filter. A direct-mapped table of a few slots:
 * a path that collides with another is split again, never mistaken for it.
 */
public final class LookupPaths {
    private static final String SEPARATOR = "__";
    private static final int SLOTS = 64;

    /** A path split lately and its parts. */
    private record Split(String path, String[] parts) {
    }

    private static final AtomicReferenceArray<Split> RECENT = new AtomicReferenceArray<>(SLOTS);

    private LookupPaths() {
    }

    /**
     * The parts of {@code path}, left to right, empty parts (and trailing ones) kept. The array may be
     * shared with other callers: it must not be changed.
     */
    public static String[] split(String path) {
        int slot = path.hashCode() & (SLOTS - 1);
        Split seen = RECENT.get(slot);
        if (seen != null && (seen.path() == path || seen.path().equals(path))) return seen.parts();
        String[] parts = splitAnew(path);
        RECENT.set(slot, new Split(path, parts));
        return parts;
    }

    private static String[] splitAnew(String path) {
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
