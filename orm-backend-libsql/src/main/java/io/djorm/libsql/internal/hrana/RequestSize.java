package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates, from above, how many bytes statements take in a pipeline's JSON, so that a transaction's
 * writes can be split into requests under {@code OPTIONS.MAX_REQUEST_SIZE} without writing them twice.
 */
final class RequestSize {
    /** The pipeline's own envelope and the steps the connection adds (BEGIN, guard, COMMIT). */
    static final long PIPELINE = 1024;
    /** One step's envelope, its condition and the change-count or key step that may follow it. */
    private static final long STEP = 200;
    /** A joined row's placeholders beyond its values: {@code (?, ?), }. */
    private static final long JOINED_ROW = 16;

    private RequestSize() {
    }

    static long of(List<Statement> statements) {
        long total = 0;
        for (Statement s : statements) total += of(s);
        return total;
    }

    /**
     * Whether the statements, with the pipeline's envelope, stay within {@code limit} by {@link #of}'s estimate.
     * The text is read only when a bound from the strings' lengths does not settle it: a bulk insert's
     * estimate read every character of its SQL and values once more before they were written.
     */
    static boolean fits(List<Statement> statements, long limit) {
        long bound = PIPELINE;
        for (Statement s : statements) bound += atMost(s);
        return bound <= limit || PIPELINE + of(statements) <= limit;
    }

    /** Whether the held writes and the caller's own statements fit in one request, as {@link #fits} tells. */
    static boolean fitsHeld(HeldWrites writes, List<Statement> own, long limit) {
        long bound = PIPELINE + writes.bound(); // at least what a joined row costs, summed as they were held
        for (int i = 0, n = own.size(); i < n; i++) bound += atMost(own.get(i));
        return bound <= limit || PIPELINE + ofHeld(writes) + of(own) <= limit;
    }

    /** {@link #of} with every character counted at its longest form, a 6-byte escape, and nothing read. */
    static long atMost(Statement statement) {
        long total = atMostText(statement.sql());
        List<Object> params = statement.params();
        // By index: the list is a view whose iterator, one per statement, was 1.7 of the 48 KiB that a create
        // of 50 objects in an atomic block allocated.
        for (int i = 0, n = params.size(); i < n; i++) total += atMost(params.get(i));
        return total;
    }

    /** {@link #atMost(Statement)}'s share for the statement's text and step. */
    static long atMostText(String sql) {
        return STEP + 2 + 6L * sql.length();
    }

    /** {@link #atMost(Statement)}'s share for one value. */
    static long atMost(Object value) {
        if (value instanceof String s) return atMost(s);
        if (value instanceof byte[] b) return 28 + (b.length + 2) / 3 * 4;
        return SCALAR;
    }

    /** {@link #atMost(Object)} of a value that is neither a text nor bytes (null, an integer, a float). */
    static final long SCALAR = 48;

    /** {@link #atMost(Object)} of a text. */
    static long atMost(String text) {
        return 28 + 6L * text.length();
    }

    /** The statements in runs whose estimated size stays under {@code limit} (a larger one alone). */
    static List<List<Statement>> split(List<Statement> statements, long limit) {
        List<List<Statement>> parts = new ArrayList<>();
        List<Statement> part = new ArrayList<>();
        long size = PIPELINE;
        for (Statement s : statements) {
            long next = of(s);
            if (!part.isEmpty() && size + next > limit) {
                parts.add(part);
                part = new ArrayList<>();
                size = PIPELINE;
            }
            part.add(s);
            size += next;
        }
        parts.add(part);
        return parts;
    }

    static long ofHeld(HeldWrites writes) {
        long total = 0;
        for (int i = 0; i < writes.size(); i++) total += ofHeld(writes, i);
        return total;
    }

    /**
     * Held write {@code i}: a keyed insert of the same SQL as the one before it travels as one more row of
     * that statement, so it costs its values only.
     */
    static long ofHeld(HeldWrites writes, int i) {
        Statement write = writes.statement(i);
        String keyColumn = writes.keyColumn(i);
        boolean joined = i > 0 && keyColumn != null && keyColumn.equals(writes.keyColumn(i - 1))
                && write.sql().equals(writes.statement(i - 1).sql());
        return joined ? JOINED_ROW + values(write) : of(write);
    }

    /** The statement's SQL and values as JSON, with its step's envelope. */
    static long of(Statement statement) {
        return STEP + text(statement.sql()) + values(statement);
    }

    private static long values(Statement statement) {
        long total = 0;
        for (Object p : statement.params()) {
            if (p instanceof String s) total += 26 + text(s);
            else if (p instanceof byte[] b) total += 28 + (b.length + 2) / 3 * 4;
            else total += 48;
        }
        return total;
    }

    /** A string's length as escaped UTF-8 JSON, quotes included. */
    private static long text(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') n += 2;
            else if (c < 0x20) n += 6;
            else if (c < 0x80) n += 1;
            else if (c < 0x800 || Character.isSurrogate(c)) n += 2;
            else n += 3;
        }
        return n;
    }
}
