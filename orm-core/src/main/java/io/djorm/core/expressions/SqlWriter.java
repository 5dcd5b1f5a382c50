package io.djorm.core.expressions;

import io.djorm.core.spi.Dialect;

/**
 * Where an expression renders itself: SQL text plus bound parameters, in order. Values are always
 * parameters, identifiers always quoted by the dialect.
 */
public interface SqlWriter {
    /** Appends SQL text (never user data). */
    SqlWriter sql(String text);

    /** Appends a {@code ?} and binds a canonical value (null, Long, Double, String, byte[]). */
    SqlWriter param(Object canonicalValue);

    /** Appends a quoted identifier. */
    SqlWriter identifier(String name);

    /** Renders another expression in place. */
    SqlWriter expression(Expression expression);

    /** The dialect being written. */
    Dialect dialect();
}
