package io.djorm.core.expressions;

import io.djorm.core.QuerySet;
import io.djorm.core.internal.query.SubqueryExpression;
import io.djorm.core.meta.FieldMeta;
import java.util.Objects;

/**
 * Whether a queryset has any row (Django: {@code Exists}), usually correlated with {@link OuterRef}:
 * as an annotation it reads as Boolean; {@code filter(new Exists(...))} keeps the rows where it holds.
 */
public final class Exists implements Expression {
    private final QuerySet<?> queryset;

    /** EXISTS over {@code queryset}. */
    public Exists(QuerySet<?> queryset) {
        this.queryset = Objects.requireNonNull(queryset, "queryset");
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return SubqueryExpression.exists(queryset, resolver);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.BOOLEAN;
    }

    @Override
    public String toString() {
        return "Exists(" + queryset.model().label() + ")";
    }
}
