package io.djorm.core;

/** The server refused the credentials: a missing, wrong or expired auth token. */
public class AuthenticationError extends OperationalError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public AuthenticationError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public AuthenticationError(String message, Throwable cause) {
        super(message, cause);
    }
}
