package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The steps of one pipeline's batch, in order. Chained steps run only when the step before them
 * succeeded, so the first failure stops the rest. Remembers where the steps the connection added
 * (BEGIN, the transaction guard, held writes) are, for checking the answer.
 */
final class Plan {
    private static final Statement CHANGES = Statement.of("SELECT changes()");
    final BatchBuilder batch = new BatchBuilder();
    final List<HeldStep> held = new ArrayList<>();
    /** The last chained step, or -1. */
    int tail = -1;
    /** The BEGIN step, or -1. */
    int begin = -1;
    /** The step that checks the server is still inside the transaction, or -1. */
    int guard = -1;
    /** The first step that must succeed for the transaction to be ours (BEGIN or guard), or -1. */
    int anchor = -1;
    private String firstSql;

    /** Adds a statement that runs only when the previous chained step succeeded. */
    int chain(Statement statement) {
        if (firstSql == null) firstSql = statement.sql();
        tail = batch.add(statement, tail < 0 ? null : BatchBuilder.ok(tail));
        return tail;
    }

    /**
     * Chains a statement and, for a write, a {@code SELECT changes()} right after it. A write with
     * {@code RETURNING} needs none: it returns one row per changed row, which saves the server a step.
     */
    Counted chainCounted(Statement statement) {
        int step = chain(statement);
        if (StatementKind.of(statement.sql()) != StatementKind.WRITE) return new Counted(step, -1);
        if (RETURNING.matcher(LITERALS.matcher(statement.sql()).replaceAll("''")).find()) {
            return new Counted(step, Counted.FROM_RETURNED_ROWS);
        }
        return new Counted(step, chain(CHANGES));
    }

    private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("'(?:[^']|'')*'");
    private static final java.util.regex.Pattern RETURNING =
            java.util.regex.Pattern.compile("\\bRETURNING\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Adds a step outside the chain, run when {@code condition} holds (null: always). */
    int addUnchained(Statement statement, com.fasterxml.jackson.databind.node.ObjectNode condition) {
        return batch.add(statement, condition);
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
     * A write held back until the next call, with what to do with its result.
     *
     * @param statement the write
     * @param onResult the callback, or null
     * @param savepoint the savepoint this statement marks, or null
     */
    record HeldWrite(Statement statement, Consumer<Rows> onResult, String savepoint, int savepointDepth) {
    }

    /** A held write's place in a plan. */
    record HeldStep(HeldWrite write, Counted counted) {
    }

    /**
     * A statement's step and, for writes, the step that asks for its change count.
     *
     * @param step the statement's step
     * @param changesStep the {@code SELECT changes()} step, or -1
     */
    record Counted(int step, int changesStep) {
        /** The marker for a write whose change count is the number of rows its RETURNING clause gave. */
        static final int FROM_RETURNED_ROWS = -2;

        /** The rows the statement changed: asked of the server where possible, else as it reported. */
        long changes(PipelineReply reply) {
            StepOutcome own = reply.step(step);
            if (changesStep == FROM_RETURNED_ROWS) return own.returnedRowCount();
            if (changesStep < 0) return own.reportedChanges();
            StepOutcome asked = reply.step(changesStep);
            return asked.result() == null ? own.reportedChanges() : asked.singleLong();
        }
    }
}
