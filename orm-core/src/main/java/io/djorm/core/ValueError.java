package io.djorm.core;

/**
 * A call received an argument it cannot use: lookup/value arguments that do not pair up, saving an
 * instance whose related object is unsaved, deleting an instance without a primary key (Django:
 * {@code ValueError}). The message names the call and what to pass instead.
 */
public class ValueError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public ValueError(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ValueError(String message, Throwable cause) {
        super(message, cause);
    }
}
