package io.djorm.libsql.internal.hrana;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON string (quoted, escaped, UTF-8) of the long SQL texts sent lately, found by the identity of the
 * text. The core renders a statement's text once per shape and sends that same String every time (a
 * 500-row INSERT of bulkCreate is 8.5 KB of placeholders): the generator escaped and encoded it character
 * by character on every request, a tenth of a thousand-row insert's client work, where its bytes can be
 * copied. A text is kept the second time it is sent: one made afresh for each request (an atomic block's
 * joined INSERT) is written as it comes, where encoding it aside and copying it cost an 8 KiB buffer and
 * a copy per request for bytes never read again. A direct-mapped table of a few slots: a text that
 * collides with another is encoded again, never mistaken for it.
 */
final class SqlTexts {
    /** Shorter texts are encoded as they are sent: the look-up would cost about what it saves. */
    static final int MIN_CHARS = 512;
    /** Longer texts are not rendered once per shape by the core (a new String each time): not kept. */
    static final int MAX_CHARS = 64 * 1024;
    private static final int SLOTS = 16;

    /** A text seen lately, and its JSON once it was seen twice (null before). */
    private record Seen(String sql, byte[] json) {
    }

    private static final AtomicReferenceArray<Seen> RECENT = new AtomicReferenceArray<>(SLOTS);

    private SqlTexts() {
    }

    /** Writes {@code sql} as a JSON string with {@code out}. */
    static void write(SegmentWriter out, String sql) {
        if (sql.length() < MIN_CHARS || sql.length() > MAX_CHARS) {
            HranaArgs.quoted(out, sql);
            return;
        }
        int slot = slot(sql);
        Seen seen = RECENT.get(slot);
        if (seen == null || seen.sql() != sql) {
            RECENT.set(slot, new Seen(sql, null));
            HranaArgs.quoted(out, sql);
            return;
        }
        if (seen.json() == null) {
            RequestBytes encoded = new RequestBytes();
            try (SegmentWriter w = new SegmentWriter(encoded)) {
                HranaArgs.quoted(w, sql);
            }
            seen = new Seen(sql, encoded.toByteArray());
            RECENT.set(slot, seen);
        }
        out.write(seen.json());
    }

    /** Whether {@code sql}'s JSON is kept, for tests. */
    static boolean kept(String sql) {
        Seen seen = RECENT.get(slot(sql));
        return seen != null && seen.sql() == sql && seen.json() != null;
    }

    private static int slot(String sql) {
        return System.identityHashCode(sql) & (SLOTS - 1);
    }
}
