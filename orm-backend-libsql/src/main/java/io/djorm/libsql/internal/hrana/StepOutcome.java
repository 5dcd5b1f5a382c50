package io.djorm.libsql.internal.hrana;

import io.djorm.core.spi.Rows;
import java.util.List;

/**
 * What became of one batch step: it ran and returned a result, it ran and failed, or its condition was
 * false and it was skipped.
 *
 * @param result the statement result, or null when the step failed or was skipped
 * @param errorMessage the server's error message, or null
 * @param errorCode the server's error code, or null
 */
record StepOutcome(StepResult result, String errorMessage, String errorCode) {
    /** The outcome of a step whose condition was false. */
    static final StepOutcome SKIPPED = new StepOutcome(null, null, null);

    boolean failed() {
        return errorMessage != null;
    }

    boolean skipped() {
        return result == null && errorMessage == null;
    }

    /** The rows this step returned, with {@code rowCount} as its change count. */
    Rows rows(long rowCount) {
        return new Rows(result.columns(), result.rows(), rowCount);
    }

    /** Only row {@code index} of what this step returned (none when it returned fewer), with a change count. */
    Rows row(int index, long rowCount) {
        List<Object[]> rows = result.rows();
        return new Rows(result.columns(), index < rows.size() ? List.<Object[]>of(rows.get(index)) : List.of(), rowCount);
    }

    /** How many rows the step returned. */
    long returnedRowCount() {
        return result == null ? 0 : result.rows().size();
    }

    /** The change count the server reported itself (some servers always report 0). */
    long reportedChanges() {
        return result.affectedRowCount();
    }

    /** The first column of the first row as a number: the answer of a {@code SELECT changes()} step. */
    long singleLong() {
        List<Object[]> rows = result.rows();
        return !rows.isEmpty() && rows.get(0).length > 0 && rows.get(0)[0] instanceof Long n ? n : 0L;
    }
}
