package io.djorm.core;

/** The database could not be reached or could not run the statement for an operational reason: locked, unreachable, timed out (Django: {@code OperationalError}). */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public OperationalError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public OperationalError(String message, Throwable cause) {
        super(message, cause);
    }
}
