package io.djorm.vector.internal;

/**
 * A vector argument or value that cannot be read or combined. The message says what was wrong and how
 * to write it instead; the SQL functions prefix it with the function name and report it as an SQL error.
 */
public final class InvalidVectorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened and what to do. */
    public InvalidVectorException(String message) {
        super(message);
    }
}
