package io.djorm.core;

/**
 * One path for {@link QuerySet#prefetchRelated(Prefetch...)}, optionally with the queryset that
 * loads its last step (Django: {@code Prefetch}):
 *
 * <pre>{@code
 * Author.objects().prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 300).orderBy("title")))
 * }</pre>
 *
 * <p>With {@code toAttr} (Django: {@code to_attr}) the rows do not replace what the related manager
 * returns; they are kept under that name, read with {@link Model#prefetched(String)}, and later
 * lookups may continue from it ({@code "longBooks__tags"}):
 *
 * <pre>{@code
 * Author.objects().prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 300), "longBooks"))
 * List<Book> longOnes = author.prefetched("longBooks");
 * }</pre>
 */
public final class Prefetch {
    private final String lookup;
    private final QuerySet<?> queryset;
    private final String toAttr;

    /** Prefetches a path with the related model's default queryset. */
    public Prefetch(String lookup) {
        this(lookup, null, null);
    }

    /**
     * Prefetches a path; its last step is loaded with {@code queryset} (filters, ordering,
     * selectRelated of its own). The queryset must be of the model at the end of the path.
     */
    public Prefetch(String lookup, QuerySet<?> queryset) {
        this(lookup, queryset, null);
    }

    /**
     * Prefetches a path and keeps the last step's rows under {@code toAttr} instead of in the related
     * manager's cache; {@code queryset} may be null for the default one.
     */
    public Prefetch(String lookup, QuerySet<?> queryset, String toAttr) {
        if (lookup == null || lookup.isBlank()) throw new FieldError("A Prefetch needs a lookup path.");
        if (toAttr != null) io.djorm.core.internal.query.Aliases.check("toAttr", toAttr, false);
        this.lookup = lookup;
        this.queryset = queryset;
        this.toAttr = toAttr;
    }

    /** The path, such as {@code "books__tags"}. */
    public String lookup() {
        return lookup;
    }

    /** The queryset of the last step, or null for the default one. */
    public QuerySet<?> queryset() {
        return queryset;
    }

    /** The name the last step's rows are kept under, or null to fill the related manager's cache. */
    public String toAttr() {
        return toAttr;
    }

    @Override
    public String toString() {
        return "Prefetch(" + lookup + (queryset == null ? "" : ", " + queryset.model().label())
                + (toAttr == null ? "" : ", toAttr=" + toAttr) + ")";
    }
}
