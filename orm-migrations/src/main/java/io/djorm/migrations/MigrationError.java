package io.djorm.migrations;

import io.djorm.core.DjormException;

/** A migration cannot be loaded, planned or applied; the message names the file and what to do. */
public class MigrationError extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message that says what happened and what to do. */
    public MigrationError(String message) {
        super(message);
    }

    /** Creates the error with a message and its cause. */
    public MigrationError(String message, Throwable cause) {
        super(message, cause);
    }
}
