package io.djorm.core.internal.query;

import io.djorm.core.expressions.Resolver;

/** The {@link Resolver} of a query under construction. */
public interface QueryResolver extends Resolver {
}
