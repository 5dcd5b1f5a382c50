package io.djorm.core;

/** A query expected one row and found none (Django: {@code ObjectDoesNotExist}). */
public class ObjectDoesNotExist extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public ObjectDoesNotExist(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ObjectDoesNotExist(String message, Throwable cause) {
        super(message, cause);
    }
}
