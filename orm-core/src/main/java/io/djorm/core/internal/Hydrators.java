package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/**
 * The hydrators of model queries, made once per layout and shared by every query of that layout. A
 * hydrator holds no state of a row or a query (the only per-thread state, {@link Hydrating}, is a
 * thread-local), so one instance serves every thread. Building one per query (its arrays, its generated
 * reader created reflectively, the model's construction plan) cost as much as hydrating a few dozen
 * rows, which a short query such as a prefetchRelated batch, two queries per call, showed. They are kept
 * on the model's metadata ({@link ModelMeta#derived()}), so a re-registered or historical model, whose
 * metadata is another instance, gets its own, and they go when the metadata goes.
 */
final class Hydrators {
    /**
     * Layouts kept per model. A layout includes the annotation names, which a program may make per query
     * (names built from data); a model's caches are emptied past this many rather than grow without end.
     */
    private static final int MAX_LAYOUTS_PER_MODEL = 256;

    private Hydrators() {
    }

    /**
     * What a hydrator of one model depends on: the columns, the alias its instances are loaded from, and
     * whether generated readers were on when it was made (tests switch them).
     */
    private record Layout(List<FieldMeta> fields, List<String> annotations, List<FieldMeta> annotationOutputs,
                          String alias, int offset, boolean generated) {
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
        Layout layout = new Layout(fields, annotations, annotationOutputs, alias, offset, RowReaders.enabled());
        Hydrator<?> h = meta.derived().get(layout);
        if (h != null) return (Hydrator<T>) h;
        if (meta.derived().size() >= MAX_LAYOUTS_PER_MODEL) meta.derived().clear();
        // Kept with copies: the caller's lists may be views of its query's lists.
        Layout kept = new Layout(List.copyOf(fields), List.copyOf(annotations),
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(annotationOutputs)), alias, offset,
                layout.generated());
        return meta.derived().computeIfAbsent(kept, k -> new Hydrator<>(meta, k.fields(), k.annotations(),
                k.annotationOutputs(), alias, offset));
    }
}
