package io.djorm.core;

/** The backend in use cannot do what was asked; the message names the backend and the alternative (Django: {@code NotSupportedError}). */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public NotSupportedError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public NotSupportedError(String message, Throwable cause) {
        super(message, cause);
    }
}
