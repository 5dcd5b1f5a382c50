package io.djorm.core;

import java.util.Map;

/**
 * What a delete removed (Django: the {@code (total, {label: count})} pair).
 *
 * @param total the number of rows deleted, cascades included
 * @param perModel rows deleted per model label ({@code "shop.Book"})
 */
public record DeleteResult(long total, Map<String, Long> perModel) {
    /** Nothing deleted. */
    public static DeleteResult none() {
        return new DeleteResult(0, Map.of());
    }
}
