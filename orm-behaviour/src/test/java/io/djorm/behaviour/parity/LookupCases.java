package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** Twin of corpus/lookups.py: every lookup and transform over awkward values. */
final class LookupCases implements CaseSource {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static LocalDateTime t(int y, int mo, int d, int h, int mi, int s, int micros) {
        return LocalDateTime.of(y, mo, d, h, mi, s, micros * 1000);
    }

    private static void lk(Corpus c, String id, Manager<? extends Model> m, String lookup, Object value) {
        c.add("lookups." + id, () -> ids(m.filter(lookup, value)));
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        var review = Review.objects();
        var publisher = Publisher.objects();
        lk(c, "title_exact", book, "title", "Dune");
        lk(c, "title_exact_quotes", book, "title", "Ça, l'été \"étrange\"");
        lk(c, "title_exact_none", book, "title", null);
        lk(c, "pages_exact", book, "pages", 412);
        lk(c, "pages_exact_none", book, "pages", null);
        lk(c, "price_exact", book, "price", new BigDecimal("12"));
        lk(c, "price_exact_scale", book, "price", new BigDecimal("8.750"));
        lk(c, "published_exact", book, "published", d(1965, 8, 1));
        lk(c, "opened_exact_micro", book, "opened", t(2024, 3, 1, 9, 30, 0, 123456));
        lk(c, "opened_exact_whole", book, "opened", t(2021, 1, 1, 0, 0, 0, 0));
        lk(c, "printed_false", book, "printed", false);
        lk(c, "author_exact_id", book, "author", 2);
        lk(c, "rating_exact_float", author, "rating", 4.5);
        lk(c, "email_exact_case", author, "email", "jorge@example.ar");
        lk(c, "title_iexact", book, "title__iexact", "dune");
        lk(c, "title_iexact_nonascii", book, "title__iexact", "STRASSE ÉCOLE ÉCOLE");
        lk(c, "name_iexact_accent", author, "name__iexact", "ÉMILE ZOLA");
        lk(c, "email_iexact", author, "email__iexact", "jorge@example.ar");
        lk(c, "title_iexact_none", book, "title__iexact", null);
        lk(c, "title_contains", book, "title__contains", "Dune");
        lk(c, "title_contains_percent", book, "title__contains", "%");
        lk(c, "title_contains_underscore", book, "title__contains", "_");
        lk(c, "title_contains_quote", book, "title__contains", "'");
        lk(c, "title_contains_dquote", book, "title__contains", "\"");
        lk(c, "title_contains_accent", book, "title__contains", "é");
        lk(c, "title_contains_upper_accent", book, "title__contains", "É");
        lk(c, "title_contains_backslash", book, "title__contains", "\\");
        lk(c, "comment_contains_percent", review, "comment__contains", "100%");
        lk(c, "comment_contains_underscore", review, "comment__contains", "c_a");
        lk(c, "title_icontains", book, "title__icontains", "dune");
        lk(c, "title_icontains_upper_accent", book, "title__icontains", "ÉCOLE");
        lk(c, "title_icontains_percent", book, "title__icontains", "% OFF");
        lk(c, "comment_icontains_accent", review, "comment__icontains", "ÉPIQUE");
        lk(c, "name_icontains_quote", author, "name__icontains", "o'b");
        lk(c, "title_startswith", book, "title__startswith", "The");
        lk(c, "title_startswith_percent", book, "title__startswith", "50%");
        lk(c, "title_startswith_cedilla", book, "title__startswith", "Ç");
        lk(c, "name_startswith_digit_percent", author, "name__startswith", "50% A");
        lk(c, "title_istartswith", book, "title__istartswith", "the");
        lk(c, "title_istartswith_a", book, "title__istartswith", "a ");
        lk(c, "title_endswith", book, "title__endswith", "Dune");
        lk(c, "title_endswith_dquote", book, "title__endswith", "\"");
        lk(c, "title_iendswith", book, "title__iendswith", "DUNE");
        lk(c, "email_iendswith", author, "email__iendswith", ".AR");
        lk(c, "publisher_name_endswith_percent", publisher, "name__endswith", "%");
        lk(c, "publisher_name_contains_underscore", publisher, "name__contains", "_");
        lk(c, "title_in", book, "title__in", List.of("Dune", "Nana", "Missing"));
        lk(c, "pages_in_with_none", book, "pages__in", Arrays.asList(412, 200, null));
        lk(c, "pages_in_empty", book, "pages__in", List.of());
        lk(c, "price_in", book, "price__in", List.of(new BigDecimal("8.75"), new BigDecimal("12.00")));
        lk(c, "published_in", book, "published__in", List.of(d(1965, 8, 1), d(1880, 1, 1)));
        lk(c, "pages_gt", book, "pages__gt", 400);
        lk(c, "pages_gte", book, "pages__gte", 412);
        lk(c, "pages_lt", book, "pages__lt", 150);
        lk(c, "pages_lte", book, "pages__lte", 146);
        lk(c, "price_gte", book, "price__gte", new BigDecimal("12.00"));
        lk(c, "price_lt_decimal", book, "price__lt", new BigDecimal("8.751"));
        lk(c, "price_gt_int", book, "price__gt", 15);
        lk(c, "rating_gt", author, "rating__gt", 4.0);
        lk(c, "title_gt", book, "title__gt", "M");
        lk(c, "published_lt", book, "published__lt", d(1900, 1, 1));
        lk(c, "opened_gt_micro", book, "opened__gt", t(2024, 3, 1, 9, 30, 0, 123456));
        lk(c, "opened_gte_whole", book, "opened__gte", t(2024, 2, 29, 12, 0, 0, 0));
        lk(c, "opened_lt", book, "opened__lt", t(2021, 1, 1, 0, 0, 0, 1));
        lk(c, "posted_lte", review, "posted__lte", t(2022, 2, 3, 0, 0, 0, 0));
        lk(c, "pages_range", book, "pages__range", List.of(200, 400));
        lk(c, "price_range", book, "price__range", List.of(new BigDecimal("8.75"), new BigDecimal("12")));
        lk(c, "published_range", book, "published__range", List.of(d(1940, 1, 1), d(1970, 12, 31)));
        lk(c, "opened_range", book, "opened__range", List.of(t(2023, 1, 1, 0, 0, 0, 0), t(2024, 3, 1, 9, 30, 0, 123456)));
        lk(c, "price_isnull", book, "price__isnull", true);
        lk(c, "price_isnull_false", book, "price__isnull", false);
        lk(c, "publisher_isnull", book, "publisher__isnull", true);
        lk(c, "editor_isnull_false", book, "editor__isnull", false);
        lk(c, "mentor_isnull", author, "mentor__isnull", true);
        lk(c, "due_isnull", Loan.objects(), "due__isnull", true);
        lk(c, "title_regex", book, "title__regex", "^[A-D]");
        lk(c, "title_regex_end", book, "title__regex", "Dune$");
        lk(c, "title_regex_case", book, "title__regex", "^the");
        lk(c, "title_iregex", book, "title__iregex", "^the");
        lk(c, "title_regex_accent", book, "title__regex", "é+t");
        lk(c, "name_regex_alternation", author, "name__regex", "(Zola|Grass)$");
        lk(c, "comment_regex_quote", review, "comment__regex", "'s \"");
        lk(c, "published_year", book, "published__year", 1965);
        lk(c, "published_year_gte", book, "published__year__gte", 1970);
        lk(c, "published_year_lt", book, "published__year__lt", 1900);
        lk(c, "published_year_in", book, "published__year__in", List.of(1944, 1949, 2001));
        lk(c, "published_month", book, "published__month", 1);
        lk(c, "published_day", book, "published__day", 1);
        lk(c, "published_week_day", book, "published__week_day", 1);
        lk(c, "published_week_day_saturday", book, "published__week_day", 7);
        lk(c, "opened_year", book, "opened__year", 2024);
        lk(c, "opened_month_gt", book, "opened__month__gt", 6);
        lk(c, "opened_hour", book, "opened__hour", 9);
        lk(c, "opened_minute", book, "opened__minute", 30);
        lk(c, "opened_second", book, "opened__second", 59);
        lk(c, "opened_date", book, "opened__date", d(2024, 3, 1));
        lk(c, "opened_date_lt", book, "opened__date__lt", d(2022, 1, 1));
        lk(c, "born_year_lt", author, "born__year__lt", 1900);
        lk(c, "posted_hour_gte", review, "posted__hour__gte", 10);
        lk(c, "joined_second", author, "profile__joined__second", 59);
        lk(c, "founded_year_range", publisher, "founded__year__range", List.of(1900, 1951));
        // Deliberate difference: case-sensitive contains/startswith/endswith (docs/django-names.md).
        lk(c, "title_contains_other_case", book, "title__contains", "dune");
        lk(c, "title_startswith_other_case", book, "title__startswith", "the");
        lk(c, "title_endswith_other_case", book, "title__endswith", "DUNE");
        lk(c, "title_iregex_unicode", book, "title__iregex", "ÉCOLE");
        lk(c, "name_iregex_unicode", author, "name__iregex", "^émile");
    }
}
