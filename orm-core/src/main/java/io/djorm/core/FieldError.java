package io.djorm.core;

/** A field name, lookup or expression does not exist or cannot be used here (Django: {@code FieldError}). */
public class FieldError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public FieldError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public FieldError(String message, Throwable cause) {
        super(message, cause);
    }
}
