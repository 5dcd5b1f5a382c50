package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;
import static io.djorm.behaviour.parity.Answers.row;
import static io.djorm.core.expressions.F.F;

import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.Min;
import io.djorm.core.expressions.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Twin of corpus/aggregates.py: aggregate, annotate (join inflation, distinct), HAVING, values().annotate(). */
final class AggregateCases implements CaseSource {
    private static void a(Corpus c, String id, Supplier<Object> body) {
        c.add("aggregates." + id, body::get);
    }

    private static void having(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("aggregates." + id, () -> ids(qs.get()));
    }

    private static void list(Corpus c, String id, Supplier<QuerySet<?>> qs) {
        c.add("aggregates." + id, () -> qs.get().list());
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        var publisher = Publisher.objects();
        a(c, "count_id", () -> book.aggregate("n", new Count("id")));
        a(c, "count_nullable", () -> book.aggregate("n", new Count("price")));
        a(c, "count_distinct", () -> book.aggregate("n", new Count("price", true)));
        a(c, "sum_int", () -> book.aggregate("s", new Sum("pages")));
        a(c, "sum_decimal", () -> book.aggregate("s", new Sum("price")));
        a(c, "avg_int", () -> book.aggregate("a", new Avg("pages")));
        a(c, "avg_float", () -> author.aggregate("a", new Avg("rating")));
        a(c, "max_decimal", () -> book.aggregate("m", new Max("price")));
        a(c, "min_date", () -> book.aggregate("m", new Min("published")));
        a(c, "max_datetime", () -> book.aggregate("m", new Max("opened")));
        a(c, "min_text", () -> book.aggregate("m", new Min("title")));
        a(c, "several", () -> book.aggregate("n", new Count("id"), "s", new Sum("pages"), "mx", new Max("pages"),
                "mn", new Min("pages")));
        a(c, "filter_count", () -> book.aggregate("n", new Count("id").filter(Q.of("pages__gt", 300))));
        a(c, "filter_sum", () -> book.aggregate("s", new Sum("pages").filter(Q.of("printed", false))));
        a(c, "filter_avg_decimal", () -> book.aggregate("a", new Avg("price").filter(Q.of("author__name__startswith", "J"))));
        a(c, "filter_none_match", () -> book.aggregate("s", new Sum("pages").filter(Q.of("pages__gt", 5000)),
                "n", new Count("id").filter(Q.of("pages__gt", 5000))));
        a(c, "empty_set", () -> book.filter("pages__gt", 9999).aggregate("s", new Sum("pages"), "n", new Count("id"),
                "a", new Avg("price")));
        a(c, "across_fk", () -> book.aggregate("m", new Max("author__born")));
        a(c, "across_reverse", () -> author.aggregate("n", new Count("books")));
        a(c, "across_m2m_distinct", () -> author.aggregate("n", new Count("books__tags", true)));
        a(c, "filtered_queryset", () -> book.filter("publisher__country", "US").aggregate("s", new Sum("pages"),
                "a", new Avg("pages")));
        a(c, "sum_expression", () -> book.aggregate("s", new Sum(F("pages").times(2))));
        a(c, "over_annotation", () -> author.annotate("n", new Count("books")).aggregate("m", new Max("n"), "s", new Sum("n")));
        a(c, "sliced", () -> book.orderBy("id").limit(5).aggregate("s", new Sum("pages")));
        a(c, "distinct_queryset", () -> book.filter("tags__name__in", List.of("sf", "classic")).distinct()
                .aggregate("s", new Sum("pages")));

        list(c, "count_reverse", () -> author.annotate("n", new Count("books")).valuesList("id", "n"));
        list(c, "count_m2m", () -> book.annotate("n", new Count("tags")).valuesList("id", "n"));
        list(c, "count_reverse_m2m", () -> Tag.objects().annotate("n", new Count("books")).valuesList("name", "n"));
        list(c, "inflation", () -> author.annotate("b", new Count("books")).annotate("r", new Count("reviews"))
                .valuesList("id", "b", "r"));
        list(c, "inflation_distinct", () -> author.annotate("b", new Count("books", true))
                .annotate("r", new Count("reviews", true)).valuesList("id", "b", "r"));
        list(c, "inflation_sum", () -> author.annotate("p", new Sum("books__pages")).annotate("t", new Count("books__tags"))
                .valuesList("id", "p", "t"));
        list(c, "sum_reverse", () -> author.annotate("p", new Sum("books__pages")).valuesList("id", "p"));
        list(c, "avg_reverse_decimal", () -> publisher.annotate("a", new Avg("books__price")).valuesList("id", "a"));
        list(c, "max_reverse_date", () -> author.annotate("m", new Max("books__published")).valuesList("id", "m"));
        list(c, "min_reverse_decimal", () -> author.annotate("m", new Min("books__price")).valuesList("id", "m"));
        list(c, "two_hops", () -> publisher.annotate("n", new Count("books__reviews")).valuesList("id", "n"));
        list(c, "self_reverse", () -> author.annotate("n", new Count("pupils")).valuesList("id", "n"));
        list(c, "filter_then_annotate", () -> author.filter("books__pages__gt", 300).annotate("n", new Count("books"))
                .valuesList("id", "n"));
        list(c, "annotate_then_filter", () -> author.annotate("n", new Count("books")).filter("books__pages__gt", 300)
                .valuesList("id", "n"));
        list(c, "count_with_filter_arg", () -> publisher.annotate("n", new Count("books").filter(Q.of("books__printed", true)))
                .valuesList("id", "n"));
        list(c, "sum_with_filter_arg", () -> author.annotate("s", new Sum("books__pages")
                .filter(Q.of("books__published__year__gte", 1950))).valuesList("id", "s"));
        list(c, "annotate_expression", () -> author.annotate("x", new Count("books").times(10).plus(1)).valuesList("id", "x"));
        a(c, "annotate_on_values_instance", () -> {
            List<Object> out = new ArrayList<>();
            for (Author x : author.annotate("n", new Count("books"))) out.add(row(x.pk(), x.annotation("n")));
            return out;
        });

        having(c, "having_gte", () -> author.annotate("n", new Count("books")).filter("n__gte", 3));
        having(c, "having_zero", () -> author.annotate("n", new Count("books")).filter("n", 0));
        having(c, "having_exclude", () -> author.annotate("n", new Count("books")).exclude("n", 2));
        having(c, "having_sum", () -> author.annotate("p", new Sum("books__pages")).filter("p__gt", 700));
        having(c, "having_and_where", () -> author.filter("rating__gte", 4).annotate("n", new Count("books")).filter("n__gte", 2));
        having(c, "having_or", () -> author.annotate("n", new Count("books")).filter(Q.of("n", 0).or(Q.of("name__startswith", "É"))));
        having(c, "having_avg", () -> publisher.annotate("a", new Avg("books__pages")).filter("a__lt", 300));
        having(c, "having_tags", () -> Tag.objects().annotate("n", new Count("books")).filter("n__gte", 2));
        having(c, "having_isnull", () -> author.annotate("m", new Max("books__price")).filter("m__isnull", true));

        list(c, "values_fk", () -> book.values("author").annotate("n", new Count("id")));
        list(c, "values_bool", () -> book.values("printed").annotate("s", new Sum("pages")).annotate("n", new Count("id")));
        list(c, "values_nullable_fk_field", () -> book.values("publisher__country").annotate("n", new Count("id")));
        list(c, "values_two_hops", () -> book.values("author__mentor__name").annotate("n", new Count("id")));
        list(c, "values_m2m", () -> book.values("tags__name").annotate("n", new Count("id")));
        list(c, "values_two_fields", () -> book.values("printed", "publisher").annotate("n", new Count("id")));
        list(c, "values_having", () -> book.values("author").annotate("n", new Count("id")).filter("n__gte", 3));
        list(c, "values_decimal_sum", () -> book.values("publisher").annotate("s", new Sum("price")));
        list(c, "values_avg_decimal", () -> book.values("author").annotate("a", new Avg("price")));
        list(c, "values_reverse_count", () -> author.values("mentor").annotate("n", new Count("books")));
        list(c, "values_list_grouped", () -> Review.objects().all().valuesList("stars").annotate("n", new Count("id")));
        list(c, "values_ordered", () -> book.values("author").annotate("n", new Count("id")).orderBy("-n", "author"));
    }
}
