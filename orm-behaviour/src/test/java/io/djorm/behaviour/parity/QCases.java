package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;

import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/** Twin of corpus/q.py: Q with and/or/not over nullable and multi-valued relations; exclude. */
final class QCases implements CaseSource {
    private static void q(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("q." + id, () -> ids(qs.get()));
    }

    private static Q of(String lookup, Object value, Object... more) {
        return Q.of(lookup, value, more);
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        q(c, "or_simple", () -> book.filter(of("pages__gt", 500).or(of("price__lt", 5))));
        q(c, "and_simple", () -> book.filter(of("pages__gt", 300).and(of("price__lt", 12))));
        q(c, "not_nullable_int", () -> book.filter(Q.not(of("pages__gt", 300))));
        q(c, "not_nullable_decimal", () -> book.filter(Q.not(of("price__lt", 10))));
        q(c, "not_and", () -> book.filter(Q.not(of("pages__gt", 300).and(of("price__lt", 12)))));
        q(c, "not_or", () -> book.filter(Q.not(of("pages__gt", 400).or(of("price__isnull", true)))));
        q(c, "double_not", () -> book.filter(Q.not(Q.not(of("pages__gt", 400)))));
        q(c, "not_isnull", () -> author.filter(Q.not(of("email__isnull", false))));
        q(c, "not_fk_nullable", () -> book.filter(Q.not(of("publisher__country", "US"))));
        q(c, "not_fk_nullable_isnull", () -> book.filter(Q.not(of("publisher__country__isnull", true))));
        q(c, "or_across_fk", () -> book.filter(of("publisher__country", "FR").or(of("author__name__startswith", "J"))));
        q(c, "or_fk_null_side", () -> book.filter(of("publisher__isnull", true).or(of("publisher__country", "DE"))));
        q(c, "and_not_fk", () -> book.filter(of("printed", true).and(Q.not(of("publisher__country", "US")))));
        q(c, "not_m2m", () -> book.filter(Q.not(of("tags__name", "sf"))));
        q(c, "or_m2m_duplicates", () -> book.filter(of("tags__name", "sf").or(of("tags__name", "classic"))));
        q(c, "or_m2m_distinct", () -> book.filter(of("tags__name", "sf").or(of("tags__name", "classic"))).distinct());
        q(c, "and_m2m_same_call", () -> book.filter(of("tags__name", "sf").and(of("tags__name", "classic"))));
        q(c, "and_m2m_two_calls", () -> book.filter("tags__name", "sf").filter("tags__name", "classic"));
        q(c, "m2m_kwargs_same_call", () -> book.filter("tags__name", "fantasy", "tags__name__startswith", "c"));
        q(c, "m2m_two_calls_prefix", () -> book.filter("tags__name", "fantasy").filter("tags__name__startswith", "c"));
        q(c, "reverse_fk_same_call", () -> author.filter("books__pages__gt", 400, "books__price__lt", 12));
        q(c, "reverse_fk_two_calls", () -> author.filter("books__pages__gt", 400).filter("books__price__lt", 12));
        q(c, "reverse_fk_or", () -> author.filter(of("books__pages__gt", 700).or(of("rating__gte", 5))).distinct());
        q(c, "reverse_fk_not", () -> author.filter(Q.not(of("books__pages__gt", 400))));
        q(c, "reverse_fk_not_and", () -> author.filter(Q.not(of("books__pages__gt", 300, "books__price__lt", 10))));
        q(c, "reverse_o2o_isnull", () -> author.filter("profile__isnull", true));
        q(c, "reverse_o2o_not", () -> author.filter(Q.not(of("profile__bio", ""))));
        q(c, "self_fk_or", () -> author.filter(of("mentor__isnull", true).or(of("mentor__name__startswith", "É"))));
        q(c, "self_fk_two_hops", () -> author.filter("mentor__mentor__name", "Émile Zola"));
        q(c, "empty_q", () -> book.filter(Q.all()));
        q(c, "in_empty_or", () -> book.filter(of("pk__in", List.of()).or(of("title", "Nana"))));
        q(c, "in_empty_and", () -> book.filter(of("pk__in", List.of()).and(of("title", "Nana"))));
        q(c, "not_in_empty", () -> book.filter(Q.not(of("pk__in", List.of()))));
        q(c, "nested", () -> book.filter(of("pages__lt", 200).or(of("pages__gt", 500))
                .and(of("price__isnull", true).or(of("price__lt", 10)))));
        q(c, "exclude_simple", () -> book.exclude("pages__gt", 300));
        q(c, "exclude_two_kwargs", () -> book.exclude("pages__gt", 300, "price__lt", 12));
        q(c, "exclude_q_or", () -> book.exclude(of("pages__gt", 400).or(of("printed", false))));
        q(c, "exclude_fk", () -> book.exclude("publisher__country", "US"));
        q(c, "exclude_fk_isnull", () -> book.exclude("publisher__isnull", true));
        q(c, "exclude_reverse_fk", () -> author.exclude("books__pages__gt", 400));
        q(c, "exclude_reverse_fk_two", () -> author.exclude("books__pages__gt", 300, "books__price__lt", 10));
        q(c, "exclude_m2m", () -> book.exclude("tags__name", "classic"));
        q(c, "exclude_m2m_in", () -> book.exclude("tags__name__in", List.of("sf", "satire")));
        q(c, "exclude_reverse_m2m", () -> Tag.objects().exclude("books__author__name", "Frank Herbert"));
        q(c, "exclude_two_hops", () -> Publisher.objects().exclude("books__author__name__startswith", "F"));
        q(c, "exclude_reviews_lt", () -> book.exclude("reviews__stars__lt", 4));
        q(c, "exclude_then_filter", () -> book.exclude("tags__name", "sf").filter("pages__gt", 300));
        q(c, "filter_then_exclude_same_rel", () -> book.filter("tags__name", "classic").exclude("tags__name", "sf"));
        q(c, "review_or_nullable_dt", () -> Review.objects().filter(of("posted__isnull", true).or(of("posted__year", 2024))));
        q(c, "review_not_dt", () -> Review.objects().filter(Q.not(of("posted__year", 2024))));
    }
}
