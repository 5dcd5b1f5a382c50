package io.djorm.behaviour.parity;

import static io.djorm.core.expressions.F.F;

import io.djorm.core.Q;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Twin of corpus/divergences.py: the divergences of issue 14, section 2. */
final class DivergenceCases implements CaseSource {
    @Override
    public void define(Corpus c) {
        c.add("divergences.values_list_flat_nulls",
                () -> Author.objects().orderBy("id").valuesListFlat("email", String.class).list());
        c.add("divergences.values_list_flat_nulls_iterated", () -> {
            List<String> out = new ArrayList<>();
            for (String e : Author.objects().filter("email__isnull", true).valuesListFlat("email", String.class)) out.add(e);
            return out;
        });
        c.add("divergences.values_list_flat_null_first",
                () -> Author.objects().filter("email__isnull", true).valuesListFlat("email", String.class).first());
        c.add("divergences.values_list_flat_null_at",
                () -> Author.objects().orderBy("email").valuesListFlat("email", String.class).at(0));
        c.add("divergences.count_filter_reuses_join", () -> Author.objects()
                .annotate("big", new Count("books").filter(Q.of("books__pages__gt", 400)))
                .valuesList("id", "big").list());
        c.add("divergences.count_filter_reuses_join_two", () -> Author.objects()
                .annotate("n", new Count("books"))
                .annotate("cheap", new Count("books").filter(Q.of("books__price__lt", 10)))
                .valuesList("id", "n", "cheap").list());
        c.add("divergences.price_per_page_scale", () -> Book.objects().filter("pk__in", List.of(1, 5, 9))
                .annotate("r", F("price").div(F("pages"))).valuesList("id", "r").list());
        c.add("divergences.values_then_annotate_same_name", () -> {
            List<List<Object>> out = new ArrayList<>();
            for (Map<String, Object> r : Book.objects().values("publisher__country")
                    .annotate("pages", new Sum("pages")).orderBy("publisher__country")) {
                out.add(Answers.row(r.get("publisher__country"), r.get("pages")));
            }
            return out;
        });
        c.add("divergences.avg_decimal_one_value",
                () -> Book.objects().filter("author", 6).aggregate("a", new Avg("price")));
        c.add("divergences.avg_decimal_all", () -> Book.objects().aggregate("a", new Avg("price")));
    }
}
