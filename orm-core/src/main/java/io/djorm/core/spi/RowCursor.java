package io.djorm.core.spi;

import java.util.List;

/**
 * Rows coming back from a query, read forward once. Column indexes are 0-based. Values are in
 * canonical database form: {@code null}, {@link Long}, {@link Double}, {@link String} or {@code byte[]};
 * the typed getters convert the way JDBC does and report SQL NULL through {@link #wasNull()}.
 */
public interface RowCursor extends AutoCloseable {
    /** The column names, in select order. */
    List<String> columns();

    /** Moves to the next row; false when there is none. */
    boolean next();

    /** The value of a column in canonical form, or null. */
    Object getObject(int column);

    /** The column as a long; 0 for NULL (check {@link #wasNull()}). */
    long getLong(int column);

    /** The column as a double; 0 for NULL (check {@link #wasNull()}). */
    double getDouble(int column);

    /** The column as text, or null. */
    String getString(int column);

    /** The column as bytes, or null. */
    byte[] getBytes(int column);

    /** Whether the last value read was SQL NULL. */
    boolean wasNull();

    /** Releases the cursor; never throws. */
    @Override
    void close();
}
