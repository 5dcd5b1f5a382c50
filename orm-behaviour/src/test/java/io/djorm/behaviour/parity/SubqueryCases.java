package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;

import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.Subquery;
import java.util.function.Supplier;

/** Twin of corpus/subqueries.py: Subquery, Exists and OuterRef. */
final class SubqueryCases implements CaseSource {
    private static Subquery newestTitle() {
        return new Subquery(Book.objects().filter("author", OuterRef.of("pk")).orderBy("-published", "id").values("title").limit(1));
    }

    private static void a(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("subqueries." + id, () -> qs.get().valuesList("id", "x").list());
    }

    private static void f(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("subqueries." + id, () -> ids(qs.get()));
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        a(c, "latest_title", () -> author.annotate("x", newestTitle()));
        a(c, "exists_value", () -> author.annotate("x", new Exists(book.filter("author", OuterRef.of("pk"), "price__lt", 9))));
        a(c, "subquery_count", () -> author.annotate("x", new Subquery(book.filter("author", OuterRef.of("pk"))
                .values("author").annotate("c", new Count("id")).values("c"))));
        a(c, "subquery_max_pages", () -> Publisher.objects().annotate("x", new Subquery(book.filter("publisher", OuterRef.of("pk"))
                .orderBy("-pages").values("pages").limit(1))));
        a(c, "outerref_across_fk", () -> book.annotate("x", new Subquery(book.filter("author", OuterRef.of("author__mentor"))
                .orderBy("id").values("title").limit(1))));
        a(c, "subquery_decimal", () -> author.annotate("x", new Subquery(book.filter("author", OuterRef.of("pk"))
                .orderBy("price").values("price").limit(1))));
        a(c, "subquery_reverse", () -> book.annotate("x", new Subquery(Review.objects().filter("book", OuterRef.of("pk"))
                .orderBy("-stars", "id").values("comment").limit(1))));
        f(c, "filter_exists", () -> author.filter(new Exists(book.filter("author", OuterRef.of("pk"), "price__lt", 9))));
        f(c, "filter_exists_m2m", () -> Tag.objects().filter(new Exists(book.filter("tags", OuterRef.of("pk"), "pages__gt", 400))));
        f(c, "filter_exists_two_hops", () -> Publisher.objects().filter(new Exists(Review.objects()
                .filter("book__publisher", OuterRef.of("pk"), "stars", 5))));
        f(c, "filter_exists_annotated", () -> author.annotate("x", new Exists(Review.objects()
                .filter("reviewer", OuterRef.of("pk")))).filter("x", true));
        f(c, "filter_exists_false", () -> author.annotate("x", new Exists(Review.objects()
                .filter("reviewer", OuterRef.of("pk")))).filter("x", false));
        f(c, "in_queryset", () -> book.filter("author__in", author.filter("rating__gte", 4.5)));
        f(c, "in_values", () -> book.filter("author__in", author.filter("born__year__lt", 1900).values("pk")));
        f(c, "in_values_list", () -> book.filter("pk__in", Review.objects().filter("stars", 5).valuesListFlat("book")));
        f(c, "not_in_queryset", () -> book.exclude("author__in", author.filter("rating__gte", 4.5)));
        f(c, "compare_subquery", () -> book.filter("price__gt", new Subquery(book.filter("pk", 2).values("price"))));
        f(c, "compare_outer", () -> book.filter("pages__gt", new Subquery(book.filter("author", OuterRef.of("author"))
                .orderBy("pages").values("pages").limit(1))));
        f(c, "filter_latest_title", () -> author.annotate("x", newestTitle()).filter("x__startswith", "C"));
        f(c, "order_by_subquery", () -> author.filter("books__isnull", false).distinct().annotate("x", new Subquery(
                book.filter("author", OuterRef.of("pk")).orderBy("-pages").values("pages").limit(1))).orderBy("-x", "id"));
        f(c, "in_aggregated_values", () -> author.filter("pk__in", book.values("author").annotate("m", new Max("pages"))
                .filter("m__gt", 500).values("author")));
    }
}
