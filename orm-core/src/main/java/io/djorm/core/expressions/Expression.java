package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * A piece of SQL that computes a value: a column, a literal, arithmetic, a function, an aggregate
 * (Django: {@code Expression}). Built unresolved by the user ({@code F("pages").plus(1)}), resolved
 * against a query (names become columns and joins), then rendered by the dialect.
 */
public interface Expression {

    /** Returns the resolved form of this expression for a query; names become columns. */
    Expression resolve(Resolver resolver);

    /** Writes the SQL of a resolved expression. */
    void render(SqlWriter out);

    /** The field that describes the value (for conversion and lookups), or null when unknown. */
    default FieldMeta outputField() {
        return null;
    }

    /** Whether the expression contains an aggregate (and so needs GROUP BY). */
    default boolean containsAggregate() {
        return false;
    }

    /** Whether the expression contains a window ({@code OVER (...)}), which WHERE and GROUP BY cannot hold. */
    default boolean containsOverClause() {
        return false;
    }

    /** {@code this + other}. */
    default Expression plus(Object other) {
        return new Arithmetic(this, "+", Value.wrap(other));
    }

    /** {@code this - other}. */
    default Expression minus(Object other) {
        return new Arithmetic(this, "-", Value.wrap(other));
    }

    /** {@code this * other}. */
    default Expression times(Object other) {
        return new Arithmetic(this, "*", Value.wrap(other));
    }

    /** {@code this / other}. */
    default Expression div(Object other) {
        return new Arithmetic(this, "/", Value.wrap(other));
    }

    /** {@code this % other}. */
    default Expression mod(Object other) {
        return new Arithmetic(this, "%", Value.wrap(other));
    }

    /** {@code -this}, the negative of a number (Django: {@code -F("pages")}). */
    default Expression neg() {
        return new Arithmetic(this, "*", Value.of(-1));
    }

    /** Ascending order by this expression. */
    default OrderBy asc() {
        return new OrderBy(this, false, null);
    }

    /** Descending order by this expression. */
    default OrderBy desc() {
        return new OrderBy(this, true, null);
    }
}
