package io.djorm.libsql.internal.hrana;

import io.djorm.core.internal.CheckedStatements;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one Hrana {@code batch} request: statements as steps, each optionally guarded by a condition on
 * earlier steps. The whole batch travels in one pipeline, so in one round trip. The steps are kept as
 * given and written as JSON only when sent ({@link #writeTo}), straight from the statements' values.
 *
 * <p>The JSON is written as bytes, its fixed parts as constants: a JSON generator checked its nesting state
 * and wrote a field name at each of the dozen calls a step took, and had to be flushed before each
 * statement's text and args went past it (a cascade delete's twelve steps were a fifth of its client work).
 * The bytes are the ones the generator wrote: no spaces, fields in the same order.
 */
final class BatchBuilder {
    private static final byte[] BATCH_OPEN = SegmentWriter.ascii("{\"type\":\"batch\",\"batch\":{\"steps\":[");
    private static final byte[] BATCH_CLOSE = SegmentWriter.ascii("]}}");
    private static final byte[] STMT_OPEN = SegmentWriter.ascii("{\"stmt\":{\"sql\":");
    private static final byte[] ARGS = SegmentWriter.ascii(",\"args\":");
    private static final byte[] NO_ARGS = SegmentWriter.ascii(",\"args\":[]");
    private static final byte[] STMT_CLOSE = SegmentWriter.ascii(",\"want_rows\":true}");
    private static final byte[] CONDITION = SegmentWriter.ascii(",\"condition\":");
    private final List<Step> steps = new ArrayList<>();
    /** Whether a step is a write with RETURNING, whose rows (keys, as the ORM writes it) are its result. */
    private boolean returningWrite;
    /** Whether a step is a query, whose rows may be many. */
    private boolean query;

    /** Adds a step that runs when {@code condition} holds (null: always) and returns its index. */
    int add(Statement statement, Condition condition) {
        // A bad value fails here, not when sent. The core's own statements over converted values (bulkUpdate's
        // thousand, a bulkCreate's thousands) were checked as they were converted; HranaArgs still refuses, with
        // the same error and before anything is sent, a value of no Hrana type that a field kind converted to.
        if (!CheckedStatements.isChecked(statement)) {
            List<Object> params = statement.params();
            for (int i = 0, n = params.size(); i < n; i++) HranaValues.check(params.get(i));
        }
        return addChecked(statement, condition);
    }

    /**
     * {@link #add} for a statement whose every value was checked by {@link HranaValues#check} already (a
     * held write's, when it was held): an atomic block's joined insert checked its values twice.
     */
    int addChecked(Statement statement, Condition condition) {
        steps.add(new Step(statement, condition));
        return steps.size() - 1;
    }

    /** Notes that a step added is a write with RETURNING (a bulk insert's, a run of held inserts joined into one). */
    void markReturningWrite() {
        returningWrite = true;
    }

    /** Notes that a step added is a query, whose rows may be many. */
    void markQuery() {
        query = true;
    }

    /**
     * Whether the rows of the reply are, but for a change count or a new key of one row, those that writes with
     * RETURNING return (a bulk insert's keys): only such a reply of moderate length is read whole, so that its keys
     * are read apart ({@link ReplyReader}); one with a query's rows streams through the parser, however long.
     */
    boolean returnsOnlyWrittenRows() {
        return returningWrite && !query;
    }

    /** How many steps were added. */
    int size() {
        return steps.size();
    }

    /** Writes the {@code {"type":"batch", ...}} stream request with {@code w}. */
    void writeTo(SegmentWriter w) {
        w.write(BATCH_OPEN);
        for (int i = 0, n = steps.size(); i < n; i++) { // indexed: no iterator per request
            Step step = steps.get(i);
            if (i > 0) w.writeByte(',');
            w.write(STMT_OPEN);
            SqlTexts.write(w, step.statement().sql());
            List<Object> params = step.statement().params();
            if (params.isEmpty()) {
                w.write(NO_ARGS);
            } else {
                w.write(ARGS);
                HranaArgs.write(w, params);
            }
            w.write(STMT_CLOSE);
            if (step.condition() != null) {
                w.write(CONDITION);
                step.condition().writeTo(w);
            }
            w.writeByte('}');
        }
        w.write(BATCH_CLOSE);
    }

    /** Condition: step {@code step} ran and succeeded. */
    static Condition ok(int step) {
        return step < OKS.length ? OKS[step] : new Condition("ok", step, List.of());
    }

    /** The conditions on the first steps, which nearly every step has: made once. */
    private static final Condition[] OKS = new Condition[64];

    static {
        for (int i = 0; i < OKS.length; i++) OKS[i] = new Condition("ok", i, List.of());
    }

    /** Condition: step {@code step} ran and failed. */
    static Condition error(int step) {
        return new Condition("error", step, List.of());
    }

    /** Condition: the negation of another. */
    static Condition not(Condition condition) {
        return new Condition("not", -1, List.of(condition));
    }

    /** Condition: all of the given hold. */
    static Condition and(Condition... conditions) {
        return new Condition("and", -1, List.of(conditions));
    }

    /** Condition: the connection is in autocommit mode (no transaction open). */
    static Condition isAutocommit() {
        return new Condition("is_autocommit", -1, List.of());
    }

    /**
     * Removes the steps' own {@code is_autocommit} conditions (for a server that refuses them; such a server
     * isolates its streams, so a fresh stream is in autocommit mode anyway).
     *
     * @return whether there was any
     */
    boolean dropAutocommitConditions() {
        boolean dropped = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.condition() != null && step.condition().type().equals("is_autocommit")) {
                steps.set(i, new Step(step.statement(), null));
                dropped = true;
            }
        }
        return dropped;
    }

    /** One step: a statement and when it runs. */
    private record Step(Statement statement, Condition condition) {
    }

    /**
     * A Hrana batch condition.
     *
     * @param type {@code ok}, {@code error}, {@code not}, {@code and} or {@code is_autocommit}
     * @param step the step an {@code ok} or {@code error} condition looks at, else -1
     * @param operands the conditions a {@code not} (one) or an {@code and} combines
     */
    record Condition(String type, int step, List<Condition> operands) {
        private static final byte[] TYPE = SegmentWriter.ascii("{\"type\":");
        /** The opening of the usual condition, {@code {"type":"ok"}}, whole. */
        private static final byte[] OK = SegmentWriter.ascii("{\"type\":\"ok\"");
        private static final byte[] STEP = SegmentWriter.ascii(",\"step\":");
        private static final byte[] COND = SegmentWriter.ascii(",\"cond\":");
        private static final byte[] CONDS = SegmentWriter.ascii(",\"conds\":[");

        void writeTo(SegmentWriter w) {
            if (type.equals("ok")) {
                w.write(OK);
            } else {
                w.write(TYPE);
                HranaArgs.quoted(w, type);
            }
            if (step >= 0) {
                w.write(STEP);
                w.writeDecimal(step);
            }
            if (type.equals("not")) {
                w.write(COND);
                operands.get(0).writeTo(w);
            } else if (type.equals("and")) {
                w.write(CONDS);
                for (int i = 0; i < operands.size(); i++) {
                    if (i > 0) w.writeByte(',');
                    operands.get(i).writeTo(w);
                }
                w.writeByte(']');
            }
            w.writeByte('}');
        }
    }

}
