package io.djorm.libsql.internal.replica;

import java.io.IOException;

/** The primary's pull-updates body is not what the protocol says it should be. */
final class MalformedPullResponseException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedPullResponseException(String message) {
        super(message);
    }

    MalformedPullResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
