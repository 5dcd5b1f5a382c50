package io.djorm.core.expressions;

/**
 * An ordering term: an expression, a direction, and optionally where NULLs go (Django:
 * {@code OrderBy}, from {@code F("x").desc()}).
 *
 * @param expression what to order by
 * @param descending true for descending
 * @param placeNullsFirst true/false to place NULLs first/last, null for the database's default
 */
public record OrderBy(Expression expression, boolean descending, Boolean placeNullsFirst) {
    /** The same order with NULLs first. */
    public OrderBy nullsFirst() {
        return new OrderBy(expression, descending, true);
    }

    /** The same order with NULLs last. */
    public OrderBy nullsLast() {
        return new OrderBy(expression, descending, false);
    }

    /** The opposite direction (NULL placement flips too, as Django's reverse()). */
    public OrderBy reversed() {
        return new OrderBy(expression, !descending, placeNullsFirst == null ? null : !placeNullsFirst);
    }
}
