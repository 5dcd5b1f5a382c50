package io.djorm.libsql.internal.hrana;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON string (quoted, escaped, UTF-8) of the long SQL texts sent lately, found by the identity of the
 * text. The core renders a statement's text once per shape and sends that same String every time (a
 * 500-row INSERT of bulkCreate is 8.5 KB of placeholders): the generator escaped and encoded it character
 * by character on every request, a tenth of a thousand-row insert's client work, where its bytes can be
 * copied. A direct-mapped table of a few slots: a text that collides with another is encoded again,
 * never mistaken for it.
 */
final class SqlTexts {
    /** Shorter texts are encoded as they are sent: the look-up would cost about what it saves. */
    static final int MIN_CHARS = 512;
    /** Longer texts are not rendered once per shape by the core (a new String each time): not kept. */
    static final int MAX_CHARS = 64 * 1024;
    private static final int SLOTS = 16;

    private record Encoded(String sql, byte[] json) {
    }

    private static final AtomicReferenceArray<Encoded> RECENT = new AtomicReferenceArray<>(SLOTS);

    private SqlTexts() {
    }

    /** Writes {@code sql} as a JSON string with {@code out}. */
    static void write(SegmentWriter out, String sql) {
        if (sql.length() < MIN_CHARS || sql.length() > MAX_CHARS) {
            HranaArgs.quoted(out, sql);
            return;
        }
        int slot = System.identityHashCode(sql) & (SLOTS - 1);
        Encoded kept = RECENT.get(slot);
        if (kept == null || kept.sql() != sql) {
            RequestBytes encoded = new RequestBytes();
            try (SegmentWriter w = new SegmentWriter(encoded)) {
                HranaArgs.quoted(w, sql);
            }
            kept = new Encoded(sql, encoded.toByteArray());
            RECENT.set(slot, kept);
        }
        out.write(kept.json());
    }
}
