package io.djorm.core;

/** The root of every exception djorm throws; all of them are unchecked. */
public class DjormException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public DjormException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public DjormException(String message, Throwable cause) {
        super(message, cause);
    }
}
