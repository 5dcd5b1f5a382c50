package io.djorm.core;

/** A query expected one row and found several (Django: {@code MultipleObjectsReturned}). */
public class MultipleObjectsReturned extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public MultipleObjectsReturned(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public MultipleObjectsReturned(String message, Throwable cause) {
        super(message, cause);
    }
}
