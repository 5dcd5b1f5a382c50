package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's answer to a pipeline of one batch (and maybe a {@code close}).
 *
 * @param baton the baton for the next request on the stream, or null when the stream is gone
 * @param baseUrl where the next request on the stream must go, or null for the usual URL
 * @param batchResult the batch's result ({@code step_results}, {@code step_errors}), or null when the
 *                    batch request itself failed
 * @param requestError the error of the batch request itself, or null
 * @param closeSent whether a {@code close} request went with the batch
 */
record PipelineReply(String baton, String baseUrl, JsonNode batchResult, StepOutcome requestError, boolean closeSent) {

    /** The outcome of step {@code index}, or the batch request's own failure. */
    StepOutcome step(int index) {
        return batchResult == null ? requestError : StepOutcome.of(batchResult, index);
    }
}
