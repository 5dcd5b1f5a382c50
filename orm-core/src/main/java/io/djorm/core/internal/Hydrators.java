package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hydrators of model queries, made once per layout and shared by every query of that layout. A
 * hydrator holds no state of a row or a query (the only per-thread state, {@link Hydrating}, is a
 * thread-local), so one instance serves every thread. Building one per query (its arrays, its generated
 * reader created reflectively, the model's construction plan) cost as much as hydrating a few dozen
 * rows, which a short query such as a prefetchRelated batch, two queries per call, showed.
 */
final class Hydrators {
    /** Layouts kept; historical models of migrations make new metadata, so the map is bounded. */
    private static final int MAX_LAYOUTS = 1024;
    private static final ConcurrentHashMap<Layout, Hydrator<?>> SHARED = new ConcurrentHashMap<>();

    private Hydrators() {
    }

    /**
     * What a hydrator depends on: the model's metadata by identity (a re-registered model gets a new
     * hydrator, never an old one's fields), the columns, the alias its instances are loaded from, and
     * whether generated readers were on when it was made (tests switch them).
     */
    private record Layout(IdentityKey meta, List<FieldMeta> fields, List<String> annotations,
                          List<FieldMeta> annotationOutputs, String alias, int offset, boolean generated) {
    }

    /** Compares metadata by identity: two registries may hold equal-looking models. */
    private record IdentityKey(ModelMeta meta) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.meta == meta;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(meta);
        }
    }

    /** The shared hydrator of rows whose first columns are {@code fields}, followed by annotations. */
    static <T> Hydrator<T> of(ModelMeta meta, List<FieldMeta> fields, List<String> annotations,
                              List<FieldMeta> annotationOutputs, String alias) {
        return of(meta, fields, annotations, annotationOutputs, alias, 0);
    }

    /** The shared hydrator of the columns from {@code offset} on (a model selectRelated loads further right). */
    @SuppressWarnings("unchecked")
    static <T> Hydrator<T> of(ModelMeta meta, List<FieldMeta> fields, List<String> annotations,
                              List<FieldMeta> annotationOutputs, String alias, int offset) {
        Layout layout = new Layout(new IdentityKey(meta), fields, annotations, annotationOutputs, alias, offset,
                RowReaders.enabled());
        Hydrator<?> h = SHARED.get(layout);
        if (h != null) return (Hydrator<T>) h;
        if (SHARED.size() >= MAX_LAYOUTS) SHARED.clear();
        // Kept with copies: the caller's lists may be views of its query's lists.
        Layout kept = new Layout(layout.meta(), List.copyOf(fields), List.copyOf(annotations),
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(annotationOutputs)), alias, offset,
                layout.generated());
        return (Hydrator<T>) SHARED.computeIfAbsent(kept, k -> new Hydrator<>(meta, k.fields(), k.annotations(),
                k.annotationOutputs(), alias, offset));
    }

    /** How many layouts are kept (for tests). */
    static int size() {
        return SHARED.size();
    }
}
