package io.djorm.core.internal.query;

import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;

/** A queryset used as a value: {@code pk__in=Author.objects().filter(...)}. Selects one column. */
public final class SubqueryExpression implements Expression {
    private final Query query;

    SubqueryExpression(QuerySet<?> queryset, QueryResolver outer) {
        this.query = QuerySetAccess.query(queryset);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return this;
    }

    @Override
    public void render(SqlWriter out) {
        SqlBuffer inner = new SqlCompiler(query, out.dialect()).singleColumnSelect();
        ((SqlBuffer) out).append(inner);
    }

    @Override
    public FieldMeta outputField() {
        return query.singleColumnField();
    }
}
