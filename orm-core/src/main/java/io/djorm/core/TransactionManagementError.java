package io.djorm.core;

/** A transaction was used in a way that cannot work, such as committing twice (Django: {@code TransactionManagementError}). */
public class TransactionManagementError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public TransactionManagementError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public TransactionManagementError(String message, Throwable cause) {
        super(message, cause);
    }
}
