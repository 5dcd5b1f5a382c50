package io.djorm.vector.internal;

import io.djorm.core.expressions.Expression;

/** What a distance expression compares, for the top-k planner: its metric and its two sides. */
public interface Distance {
    /** The distance computed. */
    DistanceMetric metric();

    /** The first side: the vector field or expression. */
    Expression vector();

    /** The second side: a query vector, a field or an expression. */
    Expression other();
}
