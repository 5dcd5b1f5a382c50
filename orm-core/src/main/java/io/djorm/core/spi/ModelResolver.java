package io.djorm.core.spi;

import io.djorm.core.meta.ModelMeta;

/**
 * Finds a model's metadata by its label ({@code "shop.Author"}, case-insensitive). The live model
 * registry is one; a migration's project state is another.
 */
@FunctionalInterface
public interface ModelResolver {
    /** The model with that label; raises {@link io.djorm.core.FieldError} naming it when unknown. */
    ModelMeta resolve(String label);
}
