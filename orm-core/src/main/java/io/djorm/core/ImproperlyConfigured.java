package io.djorm.core;

/** Settings are missing or wrong (Django: {@code ImproperlyConfigured}); the message names the key and the fix. */
public class ImproperlyConfigured extends DjormException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public ImproperlyConfigured(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ImproperlyConfigured(String message, Throwable cause) {
        super(message, cause);
    }
}
