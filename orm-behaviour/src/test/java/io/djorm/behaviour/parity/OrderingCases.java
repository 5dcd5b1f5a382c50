package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;
import static io.djorm.core.expressions.F.F;

import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Lower;
import java.util.function.Supplier;

/** Twin of corpus/ordering.py: ordering with NULLs, ties, slicing, first/last, reverse. */
final class OrderingCases implements CaseSource {
    private static void o(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("ordering." + id, () -> ids(qs.get()));
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        o(c, "pages_then_id", () -> book.orderBy("pages", "id"));
        o(c, "pages_desc_then_id", () -> book.orderBy("-pages", "id"));
        o(c, "price_nulls_last", () -> book.orderBy(F("price").asc().nullsLast(), "id"));
        o(c, "price_desc_nulls_first", () -> book.orderBy(F("price").desc().nullsFirst(), "id"));
        o(c, "published_desc", () -> book.orderBy("-published"));
        o(c, "opened_micro", () -> book.filter("opened__isnull", false).orderBy("opened"));
        o(c, "author_name_title", () -> book.orderBy("author__name", "title"));
        o(c, "author_born_desc", () -> book.orderBy("-author__born", "id"));
        o(c, "publisher_country_nulls", () -> book.orderBy("publisher__country", "-id"));
        o(c, "title_binary_collation", () -> book.orderBy("title"));
        o(c, "title_lower", () -> book.orderBy(new Lower("title")));
        o(c, "mentor_name", () -> Author.objects().orderBy("mentor__name", "id"));
        o(c, "annotation_count", () -> Author.objects().annotate("n", new Count("books")).orderBy("-n", "id"));
        o(c, "expression_order", () -> book.filter("pages__isnull", false).orderBy(F("pages").mod(100), "id"));
        o(c, "slice_middle", () -> book.orderBy("id").slice(2, 5));
        o(c, "slice_head", () -> book.orderBy("-pages", "id").limit(3));
        o(c, "slice_tail", () -> book.orderBy("id").offset(12));
        o(c, "slice_past_end", () -> book.orderBy("id").slice(20, 25));
        o(c, "reverse", () -> book.orderBy("title").reverse().limit(4));
        o(c, "reverse_two_keys", () -> book.orderBy("author", "-pages").reverse());
        o(c, "reverse_nulls", () -> book.orderBy(F("pages").asc().nullsLast(), "id").reverse());
        o(c, "distinct_order", () -> Author.objects().filter("books__pages__gt", 100).distinct().orderBy("name"));
        o(c, "review_stars_posted", () -> Review.objects().orderBy("-stars", "posted", "id"));
        o(c, "order_by_pk_desc", () -> book.orderBy("-pk"));
        o(c, "filter_slice", () -> book.filter("printed", true).orderBy("price", "id").slice(1, 4));
        c.add("ordering.ties_key_only", () -> book.orderBy("price").valuesListFlat("price").list());
        c.add("ordering.ties_pages_desc_key_only", () -> book.orderBy("-pages").valuesListFlat("pages").list());
        c.add("ordering.first_ordered", () -> book.orderBy("title").first());
        c.add("ordering.last_ordered", () -> book.orderBy("title").last());
        c.add("ordering.first_unordered", () -> book.filter("pages__gt", 400).first());
        c.add("ordering.last_unordered", () -> book.filter("pages__gt", 400).last());
        c.add("ordering.first_empty", () -> book.filter("pages__gt", 10000).first());
        c.add("ordering.first_nulls", () -> book.orderBy("pages", "id").first());
        c.add("ordering.last_desc_nulls", () -> book.orderBy("-price", "id").last());
        c.add("ordering.index", () -> book.orderBy("id").at(3));
        c.add("ordering.index_desc", () -> book.orderBy("-pages", "id").at(0));
        c.add("ordering.count_sliced", () -> book.orderBy("id").slice(2, 5).count());
        c.add("ordering.count_sliced_tail", () -> book.orderBy("id").offset(10).count());
        c.add("ordering.exists_sliced_empty", () -> book.orderBy("id").offset(20).exists());
        c.add("ordering.values_ordered_by_related",
                () -> book.orderBy("author__name", "id").valuesList("title", "author__name").list());
    }
}
