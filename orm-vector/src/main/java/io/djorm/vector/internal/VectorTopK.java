package io.djorm.vector.internal;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.F;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;

/**
 * The condition {@code pk IN (SELECT id FROM vector_top_k(index, query, k))}: the rows libSQL's
 * approximate index names as the {@code k} nearest to the query vector (its {@code id} is the rowid,
 * which an integer primary key is). Other filters of the queryset apply on top of it.
 */
public final class VectorTopK implements Expression {
    private final String index;
    private final QueryVector query;
    private final int k;
    private final Expression pk;

    /** The candidates of {@code index} nearest to {@code query}, at most {@code k}. */
    public VectorTopK(String index, QueryVector query, int k) {
        this(index, query, k, F.of("pk"));
    }

    private VectorTopK(String index, QueryVector query, int k, Expression pk) {
        this.index = index;
        this.query = query;
        this.k = k;
        this.pk = pk;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return new VectorTopK(index, query, k, pk.resolve(resolver));
    }

    @Override
    public void render(SqlWriter out) {
        out.expression(pk).sql(" IN (SELECT id FROM vector_top_k(").param(index).sql(", ").expression(query)
                .sql(", ").param((long) k).sql("))");
    }

    @Override
    public String toString() {
        return "VectorTopK(" + index + ", k=" + k + ")";
    }
}
