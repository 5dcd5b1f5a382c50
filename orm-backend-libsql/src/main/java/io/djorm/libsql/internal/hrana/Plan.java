package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.List;

/**
 * The steps of one pipeline's batch, in order. Chained steps run only when the step before them
 * succeeded, so the first failure stops the rest. Remembers where the steps the connection added
 * (BEGIN, the transaction guard, held writes) are, for checking the answer.
 */
final class Plan {
    private static final Statement CHANGES = Statement.of("SELECT changes()");
    private static final Statement LAST_ROWID = Statement.of("SELECT last_insert_rowid()");
    final BatchBuilder batch = new BatchBuilder();
    /** The held writes this plan carries, placed in its answer, or null. */
    HeldWrites held;
    /** The last chained step, or -1. */
    int tail = -1;
    /** The BEGIN step, or -1. */
    int begin = -1;
    /** The step that checks the server is still inside the transaction, or -1. */
    int guard = -1;
    /** The first step that must succeed for the transaction to be ours (BEGIN or guard), or -1. */
    int anchor = -1;
    /** Whether the first step runs only when the server's connection is in autocommit mode. */
    boolean autocommitGuarded;
    private String firstSql;

    /** Adds a statement that runs only when the previous chained step succeeded. */
    int chain(Statement statement) {
        return chain(statement, false);
    }

    /** {@link #chain(Statement)}; {@code checked}: its values were checked when it was held ({@link BatchBuilder#addChecked}). */
    private int chain(Statement statement, boolean checked) {
        if (firstSql == null) firstSql = statement.sql();
        BatchBuilder.Condition condition = tail >= 0 ? BatchBuilder.ok(tail)
                : autocommitGuarded ? BatchBuilder.isAutocommit() : null;
        tail = checked ? batch.addChecked(statement, condition) : batch.add(statement, condition);
        return tail;
    }

    /** Chains a statement whose rows the caller reads, however many (a query's, or a write's that returns them). */
    int chainQuery(Statement statement) {
        batch.markQuery();
        return chain(statement);
    }

    /**
     * Chains a statement and, for a write, a {@code SELECT changes()} right after it. A write with
     * {@code RETURNING} needs none: it returns one row per changed row, which saves the server a step.
     */
    Counted chainCounted(Statement statement) {
        return chainCounted(statement, StatementKind.of(statement.sql()));
    }

    /** {@link #chainCounted(Statement)} for a statement whose kind the caller has already judged. */
    Counted chainCounted(Statement statement, StatementKind kind) {
        int step = chain(statement);
        if (kind == StatementKind.READ) batch.markQuery();
        if (kind != StatementKind.WRITE) return new Counted(step, -1);
        if (ReturningClauses.of(statement.sql())) {
            batch.markReturningWrite(); // a bulk insert's keys: read apart, unless a query's rows share the reply
            return new Counted(step, Counted.FROM_RETURNED_ROWS);
        }
        return new Counted(step, chain(CHANGES));
    }

    /**
     * Chains a one-row INSERT and a {@code SELECT last_insert_rowid()} right after it, whose row is the
     * new key. Cheaper than {@code RETURNING} on some servers (tursodb spends a quarter millisecond on
     * each RETURNING statement), and right on all of them, unlike the {@code last_insert_rowid} some
     * servers leave out of their answer.
     */
    Counted chainInsert(Statement insert) {
        int step = chain(insert);
        return new Counted(step, Counted.ONE_ROW, chain(LAST_ROWID));
    }

    /**
     * Chains held writes in order, and keeps them with their places in the answer. A run of adjacent one-row
     * inserts into the same columns travels as one multi-row {@code INSERT ... RETURNING}, each write getting
     * its own row of the answer; a lone insert reads its key with {@code last_insert_rowid()}.
     */
    void chainHeld(HeldWrites writes) {
        held = writes;
        int size = writes.size();
        int i = 0;
        while (i < size) {
            Statement first = writes.statement(i);
            String keyColumn = writes.keyColumn(i);
            OneRowInsert head = keyColumn == null ? null : OneRowInsert.of(first, keyColumn);
            int end = i + 1;
            if (head != null) {
                int width = head.params().size();
                int params = width;
                while (end < size && params + width <= OneRowInsert.MAX_PARAMS
                        && head.joins(writes.statement(end), writes.keyColumn(end))) {
                    params += width;
                    end++;
                }
            }
            if (end == i + 1) {
                writes.place(i, keyColumn != null ? chainInsert(first) : chainCounted(first), -1);
            } else {
                int step = chain(head.joined(end - i, writes.values(i, end)), true); // each row's values were checked when it was held
                batch.markReturningWrite(); // the joined insert returns each row's key
                Counted joined = new Counted(step, Counted.ONE_ROW, step); // one for all the rows, each its own row
                for (int r = i; r < end; r++) writes.place(r, joined, r - i);
            }
            i = end;
        }
    }

    /** Whether the plan carries held writes. */
    boolean carriesHeld() {
        return held != null && !held.isEmpty();
    }

    /**
     * Whether a write has a {@code RETURNING} clause (the word outside string literals). One pass over the
     * statement, skipping literals, instead of two regular expressions whose literal replacement copies the
     * whole statement (tens of kilobytes for a thousand-row insert, which does return its keys). A
     * statement with an unterminated literal is left to the regular expressions, as before.
     */
    static boolean returnsRows(String sql) {
        if (endsReturning(sql)) return true;
        if (sql.indexOf('\'') < 0) return hasWord(sql, 'R') || hasWord(sql, 'r');
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int close = literalEnd(sql, i);
                if (close < 0) return RETURNING.matcher(LITERALS.matcher(sql).replaceAll("''")).find();
                i = close + 1;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) i++;
                if (i - start == WORD.length() && asciiEqualsIgnoringCase(sql, start, WORD)) return true;
            } else {
                i++;
            }
        }
        return false;
    }

    private static final String WORD = "RETURNING";
    /** How far from its end the ORM's own statements carry their {@code RETURNING} clause, at most. */
    private static final int TAIL = 256;

    /**
     * The shape the ORM writes (a {@code RETURNING} clause near the end of a statement without string
     * literals), found without walking the words of a thousand-row insert; anything else is left to the
     * full scan, which would find the same word.
     */
    private static boolean endsReturning(String sql) {
        return sql.indexOf(" RETURNING ", Math.max(0, sql.length() - TAIL)) >= 0 && sql.indexOf('\'') < 0;
    }

    /**
     * Whether {@code sql} (without string literals) holds the word, found from the places where its first
     * letter in this case stands: {@code indexOf} skips the long stretches without one (a bulk update's
     * {@code WHEN ? THEN ?} list) far faster than walking every word.
     */
    private static boolean hasWord(String sql, char first) {
        int n = sql.length();
        for (int i = sql.indexOf(first); i >= 0 && i + WORD.length() <= n; i = sql.indexOf(first, i + 1)) {
            int end = i + WORD.length();
            if (asciiEqualsIgnoringCase(sql, i, WORD) && (i == 0 || !isWordChar(sql.charAt(i - 1)))
                    && (end == n || !isWordChar(sql.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The index of the quote that closes the literal opened at {@code open} ({@code ''} is a quote inside), or -1. */
    private static int literalEnd(String sql, int open) {
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) != '\'') continue;
            if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** A character of a word, as the pattern's {@code \b} sees it. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether {@code sql} holds the upper-case ASCII {@code word} at {@code start}, in any ASCII case (the pattern's folding). */
    private static boolean asciiEqualsIgnoringCase(String sql, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = sql.charAt(start + k);
            if (c >= 'a' && c <= 'z') c = (char) (c - 32);
            if (c != word.charAt(k)) return false;
        }
        return true;
    }

    private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("'(?:[^']|'')*'");
    private static final java.util.regex.Pattern RETURNING =
            java.util.regex.Pattern.compile("\\bRETURNING\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Adds a step outside the chain, run when {@code condition} holds (null: always). */
    int addUnchained(Statement statement, BatchBuilder.Condition condition) {
        return batch.add(statement, condition);
    }

    /**
     * Makes the chain's first step (and so all of it) run only when the server's connection is not inside
     * a transaction: on a server that shares one connection between clients, a write outside a transaction
     * must not join another client's. Call before chaining anything.
     */
    void onlyInAutocommit() {
        if (tail >= 0) throw new IllegalStateException("the autocommit condition goes on the first step");
        autocommitGuarded = true;
    }

    /** Starts the chain with a step that is skipped unless the connection is inside a transaction. */
    void guardTransaction(Statement probe) {
        guard = batch.add(probe, BatchBuilder.not(BatchBuilder.isAutocommit()));
        tail = guard;
        anchor = guard;
    }

    /** The first statement the caller asked for, for messages. */
    String firstSql() {
        return firstSql == null ? "" : firstSql;
    }

    /**
     * A statement's step, for writes the step that asks for its change count, and where in the answer
     * the statement's result is.
     *
     * @param step the statement's step
     * @param changesStep the {@code SELECT changes()} step, -1, or one of the markers below
     * @param resultStep the step whose rows the caller gets: the statement's own, or its new-key step
     */
    record Counted(int step, int changesStep, int resultStep) {
        /** The marker for a write whose change count is the number of rows its RETURNING clause gave. */
        static final int FROM_RETURNED_ROWS = -2;
        /** The marker for a one-row INSERT: it changed one row when it succeeded. */
        static final int ONE_ROW = -3;

        /** A statement whose result is its own rows. */
        Counted(int step, int changesStep) {
            this(step, changesStep, step);
        }

        /** The statement's result: the rows of its result step, with its change count. */
        Rows rows(PipelineReply reply) {
            return rows(reply, -1);
        }

        /** The statement's result: the rows of its result step, or only row {@code row} there (a joined insert's), with its change count. */
        Rows rows(PipelineReply reply, int row) {
            StepOutcome result = reply.step(resultStep);
            return row < 0 ? result.rows(changes(reply)) : result.row(row, changes(reply));
        }

        /**
         * The new key of a keyed insert: the first value of its row of the result step, read in place; when
         * there is none, {@link Rows#newKey} raises its error, as for the rows.
         */
        long key(PipelineReply reply, Statement insert, int row) {
            StepResult result = reply.step(resultStep).result();
            if (result != null) {
                List<Object[]> rows = result.rows();
                int index = Math.max(row, 0);
                if (index < rows.size() && rows.get(index).length > 0 && rows.get(index)[0] instanceof Number key) {
                    return key.longValue();
                }
            }
            return Rows.newKey(rows(reply, row), insert);
        }

        /** The rows the statement changed: asked of the server where possible, else as it reported. */
        long changes(PipelineReply reply) {
            StepOutcome own = reply.step(step);
            if (changesStep == ONE_ROW) return 1;
            if (changesStep == FROM_RETURNED_ROWS) return own.returnedRowCount();
            if (changesStep < 0) return own.reportedChanges();
            StepOutcome asked = reply.step(changesStep);
            return asked.result() == null ? own.reportedChanges() : asked.singleLong();
        }
    }
}
