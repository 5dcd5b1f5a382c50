package io.djorm.core;

/** A value does not fit its column (Django: {@code DataError}). */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public DataError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public DataError(String message, Throwable cause) {
        super(message, cause);
    }
}
