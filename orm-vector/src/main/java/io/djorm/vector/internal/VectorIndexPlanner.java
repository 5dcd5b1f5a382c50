package io.djorm.vector.internal;

import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.internal.query.TopKPlanner;
import io.djorm.core.spi.Connection;

/**
 * Reads {@code annotate(d, CosineDistance(field, q)).orderBy(d).limit(k)} (or {@code L2Distance}) from
 * a libSQL vector index on the field when the database has one for that metric: the rows become the
 * index's {@code k} (limit plus offset) candidates, {@code pk IN (SELECT id FROM vector_top_k(...))},
 * and the query's filters, exact ordering and limit apply to them (approximate nearest neighbours: a
 * filter can leave fewer than {@code k} rows). Without such an index the query runs as written, exactly.
 */
public final class VectorIndexPlanner implements TopKPlanner {
    /** The planner, as {@link java.util.ServiceLoader} makes it. */
    public VectorIndexPlanner() {
    }

    @Override
    public Expression candidates(TopK query, Connection connection) {
        if (!(query.orderedBy() instanceof Distance d) || d.metric() == DistanceMetric.NEGATIVE_INNER_PRODUCT) return null;
        if (!(d.vector() instanceof Col column) || !column.tableAlias().equals(query.baseAlias())
                || !(d.other() instanceof QueryVector probe)) {
            return null;
        }
        // VectorSearch.nearest names its own candidates; one vector_top_k per query.
        if (query.conditions().stream().anyMatch(c -> c instanceof VectorTopK)) return null;
        if (!VectorIndexes.rowidKey(query.model()) || query.rows() > Integer.MAX_VALUE) return null;
        String metric = d.metric() == DistanceMetric.L2 ? "l2" : "cosine";
        return VectorIndexes.find(connection, query.model().dbTable(), column.field().column(), metric)
                .<Expression>map(index -> new VectorTopK(index, probe, (int) query.rows()))
                .orElse(null);
    }
}
