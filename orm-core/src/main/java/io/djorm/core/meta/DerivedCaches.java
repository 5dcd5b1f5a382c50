package io.djorm.core.meta;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the runtime works out once from one {@link ModelMeta} (its primary-key get plan, its hydrators),
 * kept on that metadata so that it is freed with it. Every metadata instance has its own: a historical
 * model that migrations copy from a registered one starts empty and never sees a plan made for the
 * original's fields. Runtime use only; the keys and values belong to the caller that made them.
 */
public final class DerivedCaches {
    private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>(4);

    DerivedCaches() {
    }

    /** The value kept under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key) {
        return (T) values.get(key);
    }

    /** The value kept under {@code key}, made by {@code make} (once) when there is none. */
    @SuppressWarnings("unchecked")
    public <K, T> T computeIfAbsent(K key, Function<? super K, ? extends T> make) {
        Object v = values.get(key);
        if (v != null) return (T) v;
        return (T) values.computeIfAbsent(key, (Function<Object, Object>) make);
    }

    /** How many values are kept (for tests). */
    public int size() {
        return values.size();
    }
}
