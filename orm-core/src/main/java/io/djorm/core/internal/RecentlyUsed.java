package io.djorm.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe map of rendered SQL by the shape it depends on: the least recently used entry
 * goes first once {@code capacity} are kept. Shapes that differ only in a count (rows, keys) would
 * otherwise grow without bound.
 */
final class RecentlyUsed<K, V> {
    private final Map<K, V> entries;

    RecentlyUsed(int capacity) {
        entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key}, or null. */
    synchronized V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} for {@code key}, dropping the least recently used entry when full. */
    synchronized void put(K key, V value) {
        entries.put(key, value);
    }
}
