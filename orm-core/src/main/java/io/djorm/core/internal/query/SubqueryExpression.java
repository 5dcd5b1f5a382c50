package io.djorm.core.internal.query;

import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;

/**
 * A queryset used inside another query: a single value ({@code Subquery}, {@code pk__in=queryset}) or
 * {@code EXISTS}. The queryset's query is rebuilt for its outer query (see {@link Query#asSubquery}),
 * so that its tables get aliases of their own and {@code OuterRef}s bind to the outer query.
 */
public final class SubqueryExpression implements Expression {
    private final Query query;
    private final boolean exists;

    private SubqueryExpression(Query query, boolean exists) {
        this.query = query;
        this.exists = exists;
    }

    SubqueryExpression(QuerySet<?> queryset, QueryResolver outer) {
        this(QuerySetAccess.query(queryset).asSubquery(outer), false);
    }

    /** The one column of {@code queryset} as a value of the query {@code outer} resolves for. */
    public static SubqueryExpression scalar(QuerySet<?> queryset, Resolver outer) {
        return new SubqueryExpression(QuerySetAccess.query(queryset).asSubquery(outer), false);
    }

    /** {@code EXISTS(queryset)} inside the query {@code outer} resolves for. */
    public static SubqueryExpression exists(QuerySet<?> queryset, Resolver outer) {
        return new SubqueryExpression(QuerySetAccess.query(queryset).asSubquery(outer), true);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return this;
    }

    @Override
    public void render(SqlWriter out) {
        SqlCompiler compiler = new SqlCompiler(query, out.dialect());
        if (exists) {
            out.sql("EXISTS(");
            compiler.exists().writeTo(out);
        } else {
            out.sql("(");
            compiler.singleColumnSelect().writeTo(out);
        }
        out.sql(")");
    }

    @Override
    public FieldMeta outputField() {
        return exists ? OutputFields.BOOLEAN : query.singleColumnField();
    }

    @Override
    public boolean containsAggregate() {
        return false;
    }

    @Override
    public String toString() {
        return (exists ? "Exists(" : "Subquery(") + query.model().label() + ")";
    }
}
