package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.spi.Connection;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link TopKPlanner}s on the class path, applied to a query before it runs. */
public final class TopKPlanners {
    private static final List<TopKPlanner> PLANNERS = ServiceLoader.load(TopKPlanner.class, TopKPlanner.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private TopKPlanners() {
    }

    /** The query the first planner that has candidates narrows to them, or {@code query} itself. */
    public static Query plan(Query query, Connection connection) {
        if (PLANNERS.isEmpty()) return query;
        TopKPlanner.TopK topK = query.topK();
        if (topK == null) return query;
        for (TopKPlanner planner : PLANNERS) {
            Expression candidates = planner.candidates(topK, connection);
            if (candidates != null) {
                Query planned = query.copy();
                planned.addCondition(candidates, false);
                return planned;
            }
        }
        return query;
    }
}
