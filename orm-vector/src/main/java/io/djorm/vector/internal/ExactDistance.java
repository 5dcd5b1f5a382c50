package io.djorm.vector.internal;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;

/**
 * A distance that must be computed for every row: the same SQL, but {@link VectorIndexPlanner} does not
 * read a query ordered by it from a vector index. VectorSearch's exact fallback uses it.
 */
public final class ExactDistance implements Expression {
    private final Expression distance;

    /** {@code distance}, always exact. */
    public ExactDistance(Expression distance) {
        this.distance = distance;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return new ExactDistance(distance.resolve(resolver));
    }

    @Override
    public void render(SqlWriter out) {
        distance.render(out);
    }

    @Override
    public FieldMeta outputField() {
        return distance.outputField();
    }

    @Override
    public String toString() {
        return distance.toString();
    }
}
