package io.djorm.core;

/**
 * One path for {@link QuerySet#prefetchRelated(Prefetch...)}, optionally with the queryset that
 * loads its last step (Django: {@code Prefetch}):
 *
 * <pre>{@code
 * Author.objects().prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 300).orderBy("title")))
 * }</pre>
 */
public final class Prefetch {
    private final String lookup;
    private final QuerySet<?> queryset;

    /** Prefetches a path with the related model's default queryset. */
    public Prefetch(String lookup) {
        this(lookup, null);
    }

    /**
     * Prefetches a path; its last step is loaded with {@code queryset} (filters, ordering,
     * selectRelated of its own). The queryset must be of the model at the end of the path.
     */
    public Prefetch(String lookup, QuerySet<?> queryset) {
        if (lookup == null || lookup.isBlank()) throw new IllegalArgumentException("A Prefetch needs a lookup path.");
        this.lookup = lookup;
        this.queryset = queryset;
    }

    /** The path, such as {@code "books__tags"}. */
    public String lookup() {
        return lookup;
    }

    /** The queryset of the last step, or null for the default one. */
    public QuerySet<?> queryset() {
        return queryset;
    }

    @Override
    public String toString() {
        return "Prefetch(" + lookup + (queryset == null ? "" : ", " + queryset.model().label()) + ")";
    }
}
