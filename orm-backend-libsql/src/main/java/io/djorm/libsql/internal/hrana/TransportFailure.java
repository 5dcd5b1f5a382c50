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
        /** A 2xx answer that is not a Hrana JSON body. */
        BAD_BODY
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

    /** The public exception, with {@code context} (the statement, the transaction's fate) appended. */
    OperationalError toError(String context) {
        String message = getMessage() + " " + context;
        return kind == Kind.AUTH ? new AuthenticationError(message, getCause()) : new OperationalError(message, getCause());
    }
}
