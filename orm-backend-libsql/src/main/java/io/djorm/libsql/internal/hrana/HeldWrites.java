package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.internal.hrana.Plan.Counted;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * The writes a transaction holds back until its next request, in order, with what to do with each one's
 * result: one growable table per request, where each of an atomic block's fifty saves made a record of its
 * own. As each write is added its values are checked ({@link HranaValues#check}), copied into one array
 * after those of the writes before it, and counted into a bound on the writes' size in a request ({@link
 * RequestSize#atMost}): in one pass, while the save that made them is hot, so that a commit neither walks
 * the writes again to know that they fit nor gathers a run of inserts' values one by one to join them.
 * Once a {@link Plan} has chained the writes, it keeps each one's place in the answer.
 */
final class HeldWrites {
    /** The setter of a key callback given as a {@link LongConsumer}: the callback is its target. */
    static final ObjLongConsumer<Object> CALLBACK = (callback, key) -> ((LongConsumer) callback).accept(key);
    /** The room of a table made without a hint. */
    static final int INITIAL = 16;

    private Statement[] statements;
    /** Each write's callback given its rows ({@code Consumer<Rows>}), or null. */
    private Object[] onResults;
    /** The savepoint a write marks, or null. */
    private String[] savepoints;
    /** How many savepoints were open when each write was held. */
    private int[] depths;
    /** For a one-row INSERT whose new key alone is wanted, the quoted key column; otherwise null. */
    private String[] keyColumns;
    /** What such an insert's key belongs to, handed to its setter. */
    private Object[] keyTargets;
    /** Such an insert's key setter ({@code ObjLongConsumer<Object>}), or null. */
    private Object[] setKeys;
    /** Each write's step record in the answer, once chained. */
    private Counted[] counted;
    /** Each write's row of a joined statement's result, or -1, once chained. */
    private int[] rows;
    /** Every held write's values, one after another: a run of inserts is joined with one copy. */
    private Object[] values;
    /** Where each write's values start in {@link #values}. */
    private int[] valueStarts;
    private int valueCount;
    private int size;
    /** At least the writes' size in a request: may be above it after some were removed, never below. */
    private long bound;

    /** An empty table with room for {@code writes} writes (at least a few) before it grows. */
    HeldWrites(int writes) {
        this(writes, 8 * writes);
    }

    /** An empty table with room for {@code writes} writes and {@code values} values (at least a few) before it grows. */
    HeldWrites(int writes, int values) {
        int n = Math.max(writes, 4);
        statements = new Statement[n];
        onResults = new Object[n];
        savepoints = new String[n];
        depths = new int[n];
        keyColumns = new String[n];
        keyTargets = new Object[n];
        setKeys = new Object[n];
        counted = new Counted[n];
        rows = new int[n];
        this.values = new Object[Math.max(values, 8)];
        valueStarts = new int[n];
    }

    /** Holds a write whose callback, if any, gets its rows. */
    void add(Statement statement, Consumer<Rows> onResult, String savepoint, int depth) {
        add(statement, onResult, savepoint, depth, null, null, null);
    }

    /**
     * Holds a write. {@code keyColumn} marks a one-row INSERT whose new key is wanted: its rows go to
     * {@code onResult}, or its key alone to {@code setKey} with {@code keyTarget}.
     */
    void add(Statement statement, Consumer<Rows> onResult, String savepoint, int depth, String keyColumn,
             Object keyTarget, ObjLongConsumer<Object> setKey) {
        if (size == statements.length) grow();
        // The values are checked, copied and measured in one pass; a bad one fails here, and nothing is held.
        List<Object> params = statement.params();
        int n = params.size();
        if (valueCount + n > values.length) values = Arrays.copyOf(values, Math.max(2 * values.length, valueCount + n));
        long bytes = RequestSize.atMostText(statement.sql());
        Object[] into = values; // locals: the loop reads no field after each value's check
        int at = valueCount;
        for (int k = 0; k < n; k++) {
            Object value = params.get(k);
            into[at + k] = value;
            bytes += checkedSize(value);
        }
        int i = size++;
        valueStarts[i] = valueCount;
        valueCount += n;
        bound += bytes;
        statements[i] = statement;
        // A row past the end is empty (new, or emptied when writes were dropped): what is absent is not stored.
        if (onResult != null) onResults[i] = onResult;
        if (savepoint != null) savepoints[i] = savepoint;
        depths[i] = depth;
        if (keyColumn != null) keyColumns[i] = keyColumn;
        if (keyTarget != null) keyTargets[i] = keyTarget;
        if (setKey != null) setKeys[i] = setKey;
    }

    /**
     * {@link HranaValues#check} and {@link RequestSize#atMost(Object)} of a value in one look at its type: the
     * two asked a double or a text its type a dozen times between them.
     */
    private static long checkedSize(Object value) {
        // The kinds a save sends most, in that order; each size is RequestSize.atMost's.
        if (value instanceof Long || value == null) return RequestSize.SCALAR;
        if (value instanceof String s) return RequestSize.atMost(s);
        if (value instanceof Double d) {
            HranaValues.finite(d);
            return RequestSize.SCALAR;
        }
        if (value instanceof byte[]) return RequestSize.atMost(value);
        HranaValues.check(value);
        return RequestSize.atMost(value);
    }

    private void grow() {
        int length = 2 * statements.length;
        statements = Arrays.copyOf(statements, length);
        onResults = Arrays.copyOf(onResults, length);
        savepoints = Arrays.copyOf(savepoints, length);
        depths = Arrays.copyOf(depths, length);
        keyColumns = Arrays.copyOf(keyColumns, length);
        keyTargets = Arrays.copyOf(keyTargets, length);
        setKeys = Arrays.copyOf(setKeys, length);
        counted = Arrays.copyOf(counted, length);
        rows = Arrays.copyOf(rows, length);
        valueStarts = Arrays.copyOf(valueStarts, length);
    }

    /** How many writes are held. */
    int size() {
        return size;
    }

    /** Whether none is. */
    boolean isEmpty() {
        return size == 0;
    }

    /** At least the size of the held writes in a request, by {@link RequestSize#atMost}. */
    long bound() {
        return bound;
    }

    /** How many values the held writes have. */
    int valueCount() {
        return valueCount;
    }

    /** Write {@code i}'s statement. */
    Statement statement(int i) {
        return statements[i];
    }

    /** The values of writes {@code from} (inclusive) to {@code to} (exclusive), one after another, in a new array. */
    Object[] values(int from, int to) {
        return Arrays.copyOfRange(values, valueStarts[from], to < size ? valueStarts[to] : valueCount);
    }

    /** The savepoint write {@code i} marks, or null. */
    String savepoint(int i) {
        return savepoints[i];
    }

    /** How many savepoints were open when write {@code i} was held. */
    int depth(int i) {
        return depths[i];
    }

    /** Write {@code i}'s quoted key column when it is a keyed insert, else null. */
    String keyColumn(int i) {
        return keyColumns[i];
    }

    /** Whether any held write is work of the caller's (a callback waits for it), not only savepoint marks. */
    boolean hasWork() {
        for (int i = 0; i < size; i++) {
            if (onResults[i] != null || setKeys[i] != null) return true;
        }
        return false;
    }

    /** Records where write {@code i}'s result is: its step record and its row there (-1: not joined). */
    void place(int i, Counted step, int row) {
        counted[i] = step;
        rows[i] = row;
    }

    /** The step of write {@code i}'s statement (once placed). */
    int step(int i) {
        return counted[i].step();
    }

    /** Gives write {@code i}'s callback what it waits for (once placed). */
    @SuppressWarnings("unchecked") // what add stored
    private void deliver(int i, PipelineReply reply) {
        Object onResult = onResults[i];
        if (onResult != null) {
            ((Consumer<Rows>) onResult).accept(counted[i].rows(reply, rows[i]));
        } else if (setKeys[i] != null) {
            ((ObjLongConsumer<Object>) setKeys[i]).accept(keyTargets[i], counted[i].key(reply, statements[i], rows[i]));
        }
    }

    /**
     * Delivers write {@code i} and the writes after it that share its step (the rows of a joined insert),
     * and returns the index after them. The result's rows are looked up once for the run, and a key found
     * where it is expected goes straight to its setter; anything else takes {@link #deliver}'s way, which
     * reports a missing key as it always did.
     */
    int deliverRun(int i, PipelineReply reply) {
        Counted step = counted[i];
        int end = i + 1;
        while (end < size && counted[end] == step) end++;
        StepResult result = end - i > 1 ? reply.step(step.resultStep()).result() : null;
        List<Object[]> resultRows = result == null ? null : result.rows();
        for (int w = i; w < end; w++) {
            Object setKey = setKeys[w];
            int row = rows[w];
            if (setKey != null && resultRows != null && row >= 0 && row < resultRows.size()) {
                if (resultRows instanceof KeyRows keys) { // the usual reply: the key as read, no row made for it
                    setKeyAt(w).accept(keyTargets[w], keys.key(row));
                    continue;
                }
                Object[] values = resultRows.get(row);
                if (values.length > 0 && values[0] instanceof Number key) {
                    setKeyAt(w).accept(keyTargets[w], key.longValue());
                    continue;
                }
            }
            deliver(w, reply);
        }
        return end;
    }

    /** Takes the first {@code n} writes out into a table of their own; the rest move up. */
    HeldWrites takeFirst(int n) {
        HeldWrites first = new HeldWrites(n);
        for (int i = 0; i < n; i++) {
            first.add(statements[i], onResultAt(i), savepoints[i], depths[i], keyColumns[i], keyTargets[i], setKeyAt(i));
        }
        int rest = size - n;
        int firstValues = n < size ? valueStarts[n] : valueCount;
        System.arraycopy(values, firstValues, values, 0, valueCount - firstValues);
        for (int i = n; i < size; i++) valueStarts[i] -= firstValues;
        System.arraycopy(valueStarts, n, valueStarts, 0, rest);
        Arrays.fill(values, valueCount - firstValues, valueCount, null);
        valueCount -= firstValues;
        for (Object[] column : new Object[][] {statements, onResults, savepoints, keyColumns, keyTargets, setKeys, counted}) {
            System.arraycopy(column, n, column, 0, rest);
        }
        System.arraycopy(depths, n, depths, 0, rest);
        System.arraycopy(rows, n, rows, 0, rest);
        forget(rest, size);
        size = rest; // the bound stays above what is left
        return first;
    }

    @SuppressWarnings("unchecked") // what add stored
    private Consumer<Rows> onResultAt(int i) {
        return (Consumer<Rows>) onResults[i];
    }

    @SuppressWarnings("unchecked") // what add stored
    private ObjLongConsumer<Object> setKeyAt(int i) {
        return (ObjLongConsumer<Object>) setKeys[i];
    }

    /** Drops the writes from {@code n} on (the bound stays above what is left). */
    void truncate(int n) {
        int kept = n < size ? valueStarts[n] : valueCount;
        Arrays.fill(values, kept, valueCount, null);
        valueCount = kept;
        forget(n, size);
        size = n;
        if (n == 0) bound = 0;
    }

    /** Empties rows {@code from} to {@code to} of the columns: nothing is kept alive by a table that is reused. */
    private void forget(int from, int to) {
        Arrays.fill(statements, from, to, null);
        Arrays.fill(onResults, from, to, null);
        Arrays.fill(savepoints, from, to, null);
        Arrays.fill(keyColumns, from, to, null);
        Arrays.fill(keyTargets, from, to, null);
        Arrays.fill(setKeys, from, to, null);
        Arrays.fill(counted, from, to, null);
    }

    /** Drops every write. */
    void clear() {
        truncate(0);
    }
}
