package io.djorm.libsql.internal.hrana;

import java.util.List;

/**
 * The server's answer to a pipeline of one batch (and maybe a {@code close}), decoded.
 *
 * @param baton the baton for the next request on the stream, or null when the stream is gone
 * @param baseUrl where the next request on the stream must go, or null for the usual URL
 * @param steps the outcome of each of the batch's steps, or null when the batch request itself failed
 * @param requestError the error of the batch request itself, or null
 * @param closeSent whether a {@code close} request went with the batch
 */
record PipelineReply(String baton, String baseUrl, List<StepOutcome> steps, StepOutcome requestError, boolean closeSent) {

    /** The outcome of step {@code index}, or the batch request's own failure. */
    StepOutcome step(int index) {
        if (steps == null) return requestError;
        return index < steps.size() ? steps.get(index) : StepOutcome.SKIPPED;
    }
}
