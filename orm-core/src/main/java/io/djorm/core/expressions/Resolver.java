package io.djorm.core.expressions;

import io.djorm.core.meta.ModelMeta;

/** Resolves field names inside a query, adding the joins a path needs. */
public interface Resolver {
    /** The query's model. */
    ModelMeta model();

    /** The column expression for a field path such as {@code "pages"} or {@code "author__name"}. */
    Expression field(String path);

    /** An annotation already declared on the query, or null. */
    Expression annotation(String name);

    /** A condition ({@code Q}) as a boolean expression, for {@link Case} and filtered aggregates. */
    Expression condition(io.djorm.core.Q condition);

    /** The query this one is a subquery of, which {@link OuterRef} names refer to; null at the top level. */
    default Resolver outer() {
        return null;
    }
}
