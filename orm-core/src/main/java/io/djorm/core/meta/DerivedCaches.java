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
    /** The plan of a get by primary key: read on every such get, a field rather than a map probe. */
    private volatile Object primaryKeyGet;

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

    /** The plan of a get by primary key kept by {@link #primaryKeyGet(Object)}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T primaryKeyGet() {
        return (T) primaryKeyGet;
    }

    /** Keeps the plan of a get by primary key (an equivalent plan made by a racing thread may replace it). */
    public void primaryKeyGet(Object plan) {
        primaryKeyGet = plan;
    }

    /** Forgets every value kept by key (not the primary-key plan); they are made again on next use. */
    public void clear() {
        values.clear();
    }

    /** How many values are kept (for tests). */
    public int size() {
        return values.size();
    }
}
