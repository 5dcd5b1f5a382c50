package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;

/**
 * {@code column IN (SELECT ...)} over a query of the ORM's own: what an exclude across a multi-valued
 * relation becomes ({@code NOT pk IN (SELECT pk ... JOIN ... WHERE condition)}), as in Django.
 */
record InSubquery(Expression column, Query inner) implements Predicate {
    @Override
    public void render(SqlBuffer out, boolean negated) {
        column.render(out);
        out.sql(" IN (");
        out.append(new SqlCompiler(inner, out.dialect()).singleColumnSelect());
        out.sql(")");
    }
}
