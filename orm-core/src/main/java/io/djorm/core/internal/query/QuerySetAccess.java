package io.djorm.core.internal.query;

import io.djorm.core.QuerySet;

/** Lets internal code reach a queryset's query without making it public API. */
public final class QuerySetAccess {
    private static java.util.function.Function<QuerySet<?>, Query> accessor;

    private QuerySetAccess() {
    }

    /** Installed once by QuerySet's static initializer. */
    public static void install(java.util.function.Function<QuerySet<?>, Query> access) {
        accessor = access;
    }

    /** The query of a queryset. */
    public static Query query(QuerySet<?> qs) {
        return accessor.apply(qs);
    }
}
