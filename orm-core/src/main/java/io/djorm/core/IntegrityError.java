package io.djorm.core;

/** A constraint was violated: unique, foreign key, not null or check (Django: {@code IntegrityError}). */
public class IntegrityError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public IntegrityError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public IntegrityError(String message, Throwable cause) {
        super(message, cause);
    }
}
