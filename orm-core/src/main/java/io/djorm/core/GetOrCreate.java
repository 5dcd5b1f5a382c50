package io.djorm.core;

/**
 * The result of {@code getOrCreate} and {@code updateOrCreate} (Django's {@code (obj, created)} pair).
 *
 * @param object the found or created instance
 * @param created true when a new row was inserted
 * @param <T> the model type
 */
public record GetOrCreate<T>(T object, boolean created) {
}
