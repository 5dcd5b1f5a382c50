package io.djorm.core.internal.query;

import io.djorm.core.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dialect's SQL of one lookup ({@code lhs > rhs}, {@code INSTR(lhs, rhs) > 0}) cut once into its text and
 * where each side goes. Asking the dialect and scanning its answer for the two sides on every rendered
 * condition showed in the profile of a filter + count.
 */
final class LookupTemplate {
    private static final String L = "\u0001L\u0001";
    private static final String R = "\u0001R\u0001";
    /** The templates of the dialect used last: a program renders for one dialect, almost always. */
    private static volatile Cache last;

    /** The text around the sides: {@code texts[i]} comes before side {@code i}, the last one after every side. */
    private final String[] texts;
    /** Which side each gap holds: true for the left-hand side, false for the right-hand side. */
    private final boolean[] left;
    private final boolean leftTwice;
    private final boolean rightTwice;

    private record Cache(Dialect dialect, ConcurrentHashMap<String, LookupTemplate> byLookup) {
    }

    private LookupTemplate(String[] texts, boolean[] left) {
        this.texts = texts;
        this.left = left;
        int lefts = 0;
        for (boolean l : left) if (l) lefts++;
        this.leftTwice = lefts > 1;
        this.rightTwice = left.length - lefts > 1;
    }

    /** The template of {@code lookup} in {@code dialect}, or null when the dialect has no such lookup. */
    static LookupTemplate of(Dialect dialect, String lookup) {
        Cache cache = last;
        if (cache == null || cache.dialect() != dialect) {
            cache = new Cache(dialect, new ConcurrentHashMap<>());
            last = cache;
        }
        LookupTemplate t = cache.byLookup().get(lookup);
        if (t == null) {
            String sql = dialect.lookup(lookup, L, R);
            if (sql == null) return null; // not cached: the caller raises
            t = parse(sql);
            cache.byLookup().put(lookup, t);
        }
        return t;
    }

    private static LookupTemplate parse(String sql) {
        List<String> texts = new ArrayList<>();
        List<Boolean> sides = new ArrayList<>();
        int from = 0;
        while (true) {
            int l = sql.indexOf(L, from);
            int r = sql.indexOf(R, from);
            int at = l < 0 ? r : r < 0 ? l : Math.min(l, r);
            if (at < 0) break;
            texts.add(sql.substring(from, at));
            sides.add(at == l);
            from = at + L.length(); // both markers are three characters
        }
        texts.add(sql.substring(from));
        boolean[] left = new boolean[sides.size()];
        for (int i = 0; i < left.length; i++) left[i] = sides.get(i);
        return new LookupTemplate(texts.toArray(new String[0]), left);
    }

    /**
     * Writes the template with {@code lhs} and {@code rhs} in place. A side used once is rendered where it
     * stands; one used twice (endswith) is rendered once into its own buffer and copied.
     */
    void render(SqlBuffer out, io.djorm.core.expressions.Expression lhs, io.djorm.core.expressions.Expression rhs) {
        SqlBuffer leftSql = leftTwice ? capture(out, lhs) : null;
        SqlBuffer rightSql = rightTwice ? capture(out, rhs) : null;
        for (int i = 0; i < left.length; i++) {
            if (!texts[i].isEmpty()) out.sql(texts[i]);
            if (left[i]) {
                if (leftSql != null) out.append(leftSql);
                else lhs.render(out);
            } else {
                if (rightSql != null) out.append(rightSql);
                else rhs.render(out);
            }
        }
        String after = texts[left.length];
        if (!after.isEmpty()) out.sql(after);
    }

    private static SqlBuffer capture(SqlBuffer out, io.djorm.core.expressions.Expression side) {
        SqlBuffer buffer = new SqlBuffer(out.dialect());
        side.render(buffer);
        return buffer;
    }
}
