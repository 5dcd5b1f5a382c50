package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import java.util.List;

/**
 * A module's hook into "order by an expression, take the first rows" SELECTs (Django has none; this
 * is how orm-vector reads {@code annotate(d, CosineDistance(...)).orderBy(d).limit(k)} from a libSQL
 * vector index). Before such a query runs, each planner found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.djorm.core.internal.query.TopKPlanner}) sees its model, its first
 * ordering expression, how many rows it takes and its conditions, with the connection it will run on,
 * and may name a condition that narrows the rows to candidates (the row source); the query's own
 * filters, ordering and limit still apply to them. Internal: for djorm's modules, not a stable API.
 */
public interface TopKPlanner {
    /**
     * A condition restricting {@code query} to candidate rows, or null to run it as written.
     * The condition is resolved against the query like a {@code filter(Expression)}.
     */
    Expression candidates(TopK query, Connection connection);

    /**
     * What a planner sees of a top-k query.
     *
     * @param model the model the rows are of
     * @param baseAlias the alias of the model's table in the query
     * @param orderedBy the first ordering expression, resolved (an annotation's expression), ascending
     * @param rows how many rows the query takes (limit plus offset)
     * @param conditions the resolved expression conditions ANDed at the top of its WHERE
     */
    record TopK(ModelMeta model, String baseAlias, Expression orderedBy, long rows, List<Expression> conditions) {
    }
}
