package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import io.djorm.core.internal.CheckedStatements;
import io.djorm.core.spi.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one Hrana {@code batch} request: statements as steps, each optionally guarded by a condition on
 * earlier steps. The whole batch travels in one pipeline, so in one round trip. The steps are kept as
 * given and written as JSON only when sent ({@link #writeTo}), straight from the statements' values.
 */
final class BatchBuilder {
    private final List<Step> steps = new ArrayList<>();

    /** Adds a step that runs when {@code condition} holds (null: always) and returns its index. */
    int add(Statement statement, Condition condition) {
        // A bad value fails here, not when sent. The core's own statements over converted values (bulkUpdate's
        // thousand, a bulkCreate's thousands) were checked as they were converted; HranaArgs still refuses, with
        // the same error and before anything is sent, a value of no Hrana type that a field kind converted to.
        if (!CheckedStatements.isChecked(statement)) {
            for (Object p : statement.params()) HranaValues.check(p);
        }
        steps.add(new Step(statement, condition));
        return steps.size() - 1;
    }

    /** How many steps were added. */
    int size() {
        return steps.size();
    }

    /** Writes the {@code {"type":"batch", ...}} stream request with {@code g}, which writes into {@code bytes}. */
    void writeTo(JsonGenerator g, RequestBytes bytes) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "batch");
        g.writeObjectFieldStart("batch");
        g.writeArrayFieldStart("steps");
        HranaArgs args = new HranaArgs(g, bytes);
        for (Step step : steps) {
            g.writeStartObject();
            g.writeObjectFieldStart("stmt");
            g.writeFieldName("sql");
            args.sql(step.statement().sql());
            g.writeFieldName("args");
            args.write(step.statement().params());
            g.writeBooleanField("want_rows", true);
            g.writeEndObject();
            if (step.condition() != null) {
                g.writeFieldName("condition");
                step.condition().writeTo(g);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Condition: step {@code step} ran and succeeded. */
    static Condition ok(int step) {
        return new Condition("ok", step, List.of());
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
        void writeTo(JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", type);
            if (step >= 0) g.writeNumberField("step", step);
            if (type.equals("not")) {
                g.writeFieldName("cond");
                operands.get(0).writeTo(g);
            } else if (type.equals("and")) {
                g.writeArrayFieldStart("conds");
                for (Condition c : operands) c.writeTo(g);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }
}
