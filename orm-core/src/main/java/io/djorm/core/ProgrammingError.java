package io.djorm.core;

/** The SQL itself is wrong: a missing table or column, a syntax error (Django: {@code ProgrammingError}). */
public class ProgrammingError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public ProgrammingError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ProgrammingError(String message, Throwable cause) {
        super(message, cause);
    }
}
