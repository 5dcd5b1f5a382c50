package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.spi.Statement;

/**
 * Builds one Hrana {@code batch} request: statements as steps, each optionally guarded by a condition on
 * earlier steps. The whole batch travels in one pipeline, so in one round trip.
 */
final class BatchBuilder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ArrayNode steps = JSON.arrayNode();

    /** Adds a step that runs when {@code condition} holds (null: always) and returns its index. */
    int add(Statement statement, ObjectNode condition) {
        ObjectNode step = steps.addObject();
        step.set("stmt", statementJson(statement));
        if (condition != null) step.set("condition", condition);
        return steps.size() - 1;
    }

    /** Adds a parameterless step. */
    int add(String sql, ObjectNode condition) {
        return add(Statement.of(sql), condition);
    }

    /** How many steps were added. */
    int size() {
        return steps.size();
    }

    /** The {@code {"type":"batch", ...}} stream request. */
    ObjectNode toRequest() {
        ObjectNode request = JSON.objectNode().put("type", "batch");
        request.putObject("batch").set("steps", steps);
        return request;
    }

    /** Condition: step {@code step} ran and succeeded. */
    static ObjectNode ok(int step) {
        return JSON.objectNode().put("type", "ok").put("step", step);
    }

    /** Condition: step {@code step} ran and failed. */
    static ObjectNode error(int step) {
        return JSON.objectNode().put("type", "error").put("step", step);
    }

    /** Condition: the negation of another. */
    static ObjectNode not(ObjectNode condition) {
        ObjectNode node = JSON.objectNode().put("type", "not");
        node.set("cond", condition);
        return node;
    }

    /** Condition: all of the given hold. */
    static ObjectNode and(ObjectNode... conditions) {
        ObjectNode node = JSON.objectNode().put("type", "and");
        ArrayNode conds = node.putArray("conds");
        for (ObjectNode c : conditions) conds.add(c);
        return node;
    }

    /** Condition: the connection is in autocommit mode (no transaction open). */
    static ObjectNode isAutocommit() {
        return JSON.objectNode().put("type", "is_autocommit");
    }

    /**
     * Removes the {@code is_autocommit} conditions of a built batch request (for a server that refuses
     * them; such a server isolates its streams, so a fresh stream is in autocommit mode anyway).
     *
     * @return whether there was any
     */
    static boolean dropAutocommitConditions(ObjectNode request) {
        boolean dropped = false;
        for (com.fasterxml.jackson.databind.JsonNode step : request.path("batch").path("steps")) {
            if ("is_autocommit".equals(step.path("condition").path("type").asText())) {
                ((ObjectNode) step).remove("condition");
                dropped = true;
            }
        }
        return dropped;
    }

    private static ObjectNode statementJson(Statement statement) {
        ObjectNode stmt = JSON.objectNode().put("sql", statement.sql());
        ArrayNode args = stmt.putArray("args");
        for (Object p : statement.params()) args.add(HranaValues.encode(p));
        return stmt.put("want_rows", true);
    }
}
