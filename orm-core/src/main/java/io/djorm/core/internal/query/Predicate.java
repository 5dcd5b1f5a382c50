package io.djorm.core.internal.query;

/** A leaf of a WHERE tree. */
public interface Predicate {
    /**
     * Renders the condition. {@code negated} tells that an odd number of NOTs surround it, so that a
     * nullable column adds its IS NOT NULL guard as Django does.
     */
    void render(SqlBuffer out, boolean negated);

    /** Whether the predicate refers to an aggregate (and so belongs in HAVING). */
    default boolean containsAggregate() {
        return false;
    }
}
