package io.djorm.libsql.internal.hrana;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Whether a write has a {@code RETURNING} clause ({@link Plan#returnsRows}), remembered for the long texts
 * sent lately by the identity of the text. The core renders a long statement once per shape and sends that
 * same String every time: bulkUpdate's 500-row CASE statement (8.5 KB of {@code WHEN ? THEN ?}) was scanned
 * three times over on every call, for a clause it never has. A direct-mapped table of a few slots, as
 * {@link SqlTexts}: a text that collides with another is scanned again, never mistaken for it.
 */
final class ReturningClauses {
    /** Shorter texts are scanned each time: the look-up would cost about what it saves. */
    static final int MIN_CHARS = 512;
    private static final int SLOTS = 16;

    /** A text seen lately and whether it returns rows. */
    private record Seen(String sql, boolean returnsRows) {
    }

    private static final AtomicReferenceArray<Seen> RECENT = new AtomicReferenceArray<>(SLOTS);

    private ReturningClauses() {
    }

    /** {@link Plan#returnsRows}{@code (sql)}, scanned once per long text kept. */
    static boolean of(String sql) {
        if (sql.length() < MIN_CHARS) return Plan.returnsRows(sql);
        int slot = System.identityHashCode(sql) & (SLOTS - 1);
        Seen seen = RECENT.get(slot);
        if (seen != null && seen.sql() == sql) return seen.returnsRows();
        boolean returns = Plan.returnsRows(sql);
        RECENT.set(slot, new Seen(sql, returns));
        return returns;
    }
}
