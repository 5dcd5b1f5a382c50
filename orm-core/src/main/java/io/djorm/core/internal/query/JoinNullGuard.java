package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;

/**
 * A condition on a LEFT OUTER joined column. Under NOT it renders {@code (condition AND column IS NOT
 * NULL)}, so that rows whose join found nothing are kept by an exclude, as Django does; otherwise it
 * renders the condition alone.
 */
record JoinNullGuard(Predicate condition, Expression column) implements Predicate {
    @Override
    public void render(SqlBuffer out, boolean negated) {
        if (!negated) {
            condition.render(out, false);
            return;
        }
        out.sql("(");
        condition.render(out, true);
        out.sql(" AND ");
        column.render(out);
        out.sql(" IS NOT NULL)");
    }

    @Override
    public boolean containsAggregate() {
        return condition.containsAggregate();
    }
}
