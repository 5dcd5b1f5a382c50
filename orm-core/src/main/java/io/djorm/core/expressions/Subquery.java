package io.djorm.core.expressions;

import io.djorm.core.QuerySet;
import io.djorm.core.internal.query.SubqueryExpression;
import io.djorm.core.meta.FieldMeta;
import java.util.Objects;

/**
 * A queryset used as a single value (Django: {@code Subquery}): it must select one column
 * ({@code values("x")}) and at most one row ({@code limit(1)}), and may refer to the outer query with
 * {@link OuterRef}. Its tables get their own aliases ({@code U0}, ...), so it may read the outer table.
 */
public final class Subquery implements Expression {
    private final QuerySet<?> queryset;

    /** The single value of {@code queryset}. */
    public Subquery(QuerySet<?> queryset) {
        this.queryset = Objects.requireNonNull(queryset, "queryset");
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return SubqueryExpression.scalar(queryset, resolver);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public FieldMeta outputField() {
        return null;
    }

    @Override
    public String toString() {
        return "Subquery(" + queryset.model().label() + ")";
    }
}
