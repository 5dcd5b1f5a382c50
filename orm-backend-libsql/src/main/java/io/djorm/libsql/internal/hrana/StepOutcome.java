package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.JsonNode;
import io.djorm.core.spi.Rows;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of one batch step: it ran and returned a result, it ran and failed, or its condition was
 * false and it was skipped.
 *
 * @param result the statement result, or null when the step failed or was skipped
 * @param errorMessage the server's error message, or null
 * @param errorCode the server's error code, or null
 */
record StepOutcome(JsonNode result, String errorMessage, String errorCode) {

    /** The outcome of step {@code index} in a batch response. */
    static StepOutcome of(JsonNode batchResult, int index) {
        JsonNode result = batchResult.path("step_results").path(index);
        JsonNode error = batchResult.path("step_errors").path(index);
        if (error.isObject()) {
            return new StepOutcome(null, error.path("message").asText("unknown error"), textOrNull(error.path("code")));
        }
        return new StepOutcome(result.isObject() ? result : null, null, null);
    }

    /** The outcome carried by a failed stream request rather than a step. */
    static StepOutcome failedRequest(JsonNode error) {
        return new StepOutcome(null, error.path("message").asText("unknown error"), textOrNull(error.path("code")));
    }

    boolean failed() {
        return errorMessage != null;
    }

    boolean skipped() {
        return result == null && errorMessage == null;
    }

    /** The rows this step returned, with {@code rowCount} as its change count. */
    Rows rows(long rowCount) {
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode row : result.path("rows")) rows.add(decodeRow(row));
        return new Rows(columns(), rows, rowCount);
    }

    /** Only row {@code index} of what this step returned (none when it returned fewer), with a change count. */
    Rows row(int index, long rowCount) {
        JsonNode row = result.path("rows").path(index);
        List<Object[]> rows = new ArrayList<>(1);
        if (row.isArray()) rows.add(decodeRow(row));
        return new Rows(columns(), rows, rowCount);
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (JsonNode col : result.path("cols")) columns.add(col.path("name").asText());
        return List.copyOf(columns);
    }

    private static Object[] decodeRow(JsonNode row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) values[i] = HranaValues.decode(row.get(i));
        return values;
    }

    /** How many rows the step returned. */
    long returnedRowCount() {
        return result == null ? 0 : result.path("rows").size();
    }

    /** The change count the server reported itself (some servers always report 0). */
    long reportedChanges() {
        return result.path("affected_row_count").asLong(0);
    }

    /** The first column of the first row as a number: the answer of a {@code SELECT changes()} step. */
    long singleLong() {
        return HranaValues.decode(result.path("rows").path(0).path(0)) instanceof Long n ? n : 0L;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
