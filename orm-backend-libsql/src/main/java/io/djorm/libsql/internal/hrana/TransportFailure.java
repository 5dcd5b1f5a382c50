package io.djorm.libsql.internal.hrana;

import io.djorm.core.AuthenticationError;
import io.djorm.core.OperationalError;

/**
 * An HTTP exchange with the server failed before a Hrana answer could be read. The connection turns it
 * into a public exception once it knows what the failure means for the statement or transaction.
 */
final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the exception type and whether a read may be retried. */
    enum Kind {
        /** No connection could be made, or it broke before an answer came: the server may be down. */
        UNREACHABLE,
        /** No answer within the configured time. */
        TIMEOUT,
        /** HTTP 401 or 403: the token is missing, wrong or expired. */
        AUTH,
        /** Any other non-2xx status. */
        HTTP_STATUS,
        /** A 2xx answer that is not a valid Hrana pipeline reply. */
        BAD_BODY,
        /** HTTP 413: the server refused the request for its size before running any of it. */
        TOO_LARGE_REQUEST,
        /** The answer was longer than {@code OPTIONS.MAX_RESPONSE_SIZE}; the request itself ran. */
        TOO_LARGE_RESPONSE
    }

    private final Kind kind;

    TransportFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Whether a read that failed this way may be sent once more: nothing was answered. */
    boolean retryableForRead() {
        return kind == Kind.UNREACHABLE;
    }

    /** Whether the server provably ran nothing of the request. */
    boolean ranNothing() {
        return kind == Kind.TOO_LARGE_REQUEST || kind == Kind.AUTH;
    }

    /** The public exception, with {@code context} (the statement, the transaction's fate) appended. */
    OperationalError toError(String context) {
        String message = getMessage() + " " + context;
        return kind == Kind.AUTH ? new AuthenticationError(message, getCause()) : new OperationalError(message, getCause());
    }
}
