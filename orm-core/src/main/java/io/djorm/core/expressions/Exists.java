package io.djorm.core.expressions;

import io.djorm.core.QuerySet;
import io.djorm.core.internal.query.Negation;
import io.djorm.core.internal.query.SubqueryExpression;
import io.djorm.core.meta.FieldMeta;
import java.util.Objects;

/**
 * Whether a queryset has any row (Django: {@code Exists}), usually correlated with {@link OuterRef}:
 * as an annotation it reads as Boolean; {@code filter(new Exists(...))} keeps the rows where it holds.
 */
public final class Exists implements Expression {
    private final QuerySet<?> queryset;
    private final boolean negated;

    /** EXISTS over {@code queryset}. */
    public Exists(QuerySet<?> queryset) {
        this(queryset, false);
    }

    private Exists(QuerySet<?> queryset, boolean negated) {
        this.queryset = Objects.requireNonNull(queryset, "queryset");
        this.negated = negated;
    }

    /** NOT EXISTS: true where the queryset has no row (Django: {@code ~Exists(...)}). */
    public Exists negate() {
        return new Exists(queryset, !negated);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression exists = SubqueryExpression.exists(queryset, resolver);
        return negated ? new Negation(exists) : exists;
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
        return (negated ? "~" : "") + "Exists(" + queryset.model().label() + ")";
    }
}
