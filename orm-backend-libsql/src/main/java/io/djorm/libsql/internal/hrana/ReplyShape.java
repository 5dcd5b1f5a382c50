package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that a parsed body is a Hrana pipeline reply to a batch of a known number of steps, down to
 * every value, so that what reads it later never meets a wrong type (and never reads a malformed result
 * as an empty one). Names the first thing that is wrong.
 */
final class ReplyShape {
    private ReplyShape() {
    }

    /** What is wrong with the reply, or null when it is a valid answer to a batch of {@code steps} steps. */
    static String problem(JsonNode root, int steps) {
        if (root == null || !root.isObject()) return "the body is not a JSON object";
        if (!nullOrText(root.path("baton")) || !nullOrText(root.path("base_url"))) {
            return "\"baton\" or \"base_url\" is neither a string nor null";
        }
        JsonNode first = root.path("results").path(0);
        if (!root.path("results").isArray() || !first.isObject()) return "there is no \"results\" list with a result";
        String type = first.path("type").asText("");
        if (type.equals("error")) return errorProblem(first.path("error"), "results[0].error");
        if (!type.equals("ok")) return "results[0].type is " + first.path("type") + ", neither \"ok\" nor \"error\"";
        JsonNode result = first.path("response").path("result");
        if (!result.isObject()) return "results[0].response.result is not an object";
        JsonNode values = result.path("step_results");
        JsonNode errors = result.path("step_errors");
        if (!values.isArray() || !errors.isArray()) return "step_results or step_errors is not a list";
        if (values.size() != steps || errors.size() != steps) {
            return "the batch had " + steps + " steps but the reply has " + values.size() + " step results and "
                    + errors.size() + " step errors";
        }
        for (int i = 0; i < steps; i++) {
            String problem = errors.get(i).isNull() ? stepProblem(values.get(i))
                    : errorProblem(errors.get(i), "step_errors[" + i + "]");
            if (problem != null) return "step " + i + ": " + problem;
        }
        return null;
    }

    private static String errorProblem(JsonNode error, String where) {
        return error.isObject() && error.path("message").isTextual() ? null : where + " has no message";
    }

    private static String stepProblem(JsonNode step) {
        if (step.isNull()) return null;
        if (!step.isObject()) return "the result is not an object";
        JsonNode cols = step.path("cols");
        JsonNode rows = step.path("rows");
        if (!cols.isArray() || !rows.isArray()) return "\"cols\" or \"rows\" is not a list";
        for (JsonNode col : cols) {
            if (!col.isObject()) return "a column is not an object";
        }
        JsonNode count = step.path("affected_row_count");
        if (!count.isMissingNode() && !count.isNull() && !count.canConvertToLong()) {
            return "affected_row_count is " + count;
        }
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() != cols.size()) return "a row does not have one value per column";
            for (JsonNode value : row) {
                String problem = HranaValues.problem(value);
                if (problem != null) return problem;
            }
        }
        return null;
    }

    private static boolean nullOrText(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isTextual();
    }
}
