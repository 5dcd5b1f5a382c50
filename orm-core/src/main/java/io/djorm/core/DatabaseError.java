package io.djorm.core;

/** The database refused or failed a statement (Django/PEP 249: {@code DatabaseError}). */
public class DatabaseError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public DatabaseError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public DatabaseError(String message, Throwable cause) {
        super(message, cause);
    }
}
