"""Every lookup and transform, with NULLs, non-ASCII text, '%', '_' and quotes, decimals, dates, datetimes."""
import datetime as dt
from decimal import Decimal as D

from corpus.base import case, ids, topic
from parityapp.models import Author, Book, Loan, Publisher, Review

topic("lookups")

CASE_FOLDING = ("Django documents contains/startswith/endswith as case-sensitive; Django's SQLite backend "
                "uses LIKE, which folds ASCII letters. djorm keeps them case-sensitive on every backend.")

# (id, model, lookup, value): the ids of model.objects.filter(lookup=value), in any order.
FILTERS = [
    ("title_exact", Book, "title", "Dune"),
    ("title_exact_quotes", Book, "title", "Ça, l'été \"étrange\""),
    ("title_exact_none", Book, "title", None),
    ("pages_exact", Book, "pages", 412),
    ("pages_exact_none", Book, "pages", None),
    ("price_exact", Book, "price", D("12")),
    ("price_exact_scale", Book, "price", D("8.750")),
    ("published_exact", Book, "published", dt.date(1965, 8, 1)),
    ("opened_exact_micro", Book, "opened", dt.datetime(2024, 3, 1, 9, 30, 0, 123456)),
    ("opened_exact_whole", Book, "opened", dt.datetime(2021, 1, 1)),
    ("printed_false", Book, "printed", False),
    ("author_exact_id", Book, "author", 2),
    ("rating_exact_float", Author, "rating", 4.5),
    ("email_exact_case", Author, "email", "jorge@example.ar"),
    ("title_iexact", Book, "title__iexact", "dune"),
    ("title_iexact_nonascii", Book, "title__iexact", "STRASSE ÉCOLE ÉCOLE"),
    ("name_iexact_accent", Author, "name__iexact", "ÉMILE ZOLA"),
    ("email_iexact", Author, "email__iexact", "jorge@example.ar"),
    ("title_iexact_none", Book, "title__iexact", None),
    ("title_contains", Book, "title__contains", "Dune"),
    ("title_contains_percent", Book, "title__contains", "%"),
    ("title_contains_underscore", Book, "title__contains", "_"),
    ("title_contains_quote", Book, "title__contains", "'"),
    ("title_contains_dquote", Book, "title__contains", "\""),
    ("title_contains_accent", Book, "title__contains", "é"),
    ("title_contains_upper_accent", Book, "title__contains", "É"),
    ("title_contains_backslash", Book, "title__contains", "\\"),
    ("comment_contains_percent", Review, "comment__contains", "100%"),
    ("comment_contains_underscore", Review, "comment__contains", "c_a"),
    ("title_icontains", Book, "title__icontains", "dune"),
    ("title_icontains_upper_accent", Book, "title__icontains", "ÉCOLE"),
    ("title_icontains_percent", Book, "title__icontains", "% OFF"),
    ("comment_icontains_accent", Review, "comment__icontains", "ÉPIQUE"),
    ("name_icontains_quote", Author, "name__icontains", "o'b"),
    ("title_startswith", Book, "title__startswith", "The"),
    ("title_startswith_percent", Book, "title__startswith", "50%"),
    ("title_startswith_cedilla", Book, "title__startswith", "Ç"),
    ("name_startswith_digit_percent", Author, "name__startswith", "50% A"),
    ("title_istartswith", Book, "title__istartswith", "the"),
    ("title_istartswith_a", Book, "title__istartswith", "a "),
    ("title_endswith", Book, "title__endswith", "Dune"),
    ("title_endswith_dquote", Book, "title__endswith", "\""),
    ("title_iendswith", Book, "title__iendswith", "DUNE"),
    ("email_iendswith", Author, "email__iendswith", ".AR"),
    ("publisher_name_endswith_percent", Publisher, "name__endswith", "%"),
    ("publisher_name_contains_underscore", Publisher, "name__contains", "_"),
    ("title_in", Book, "title__in", ["Dune", "Nana", "Missing"]),
    ("pages_in_with_none", Book, "pages__in", [412, 200, None]),
    ("pages_in_empty", Book, "pages__in", []),
    ("price_in", Book, "price__in", [D("8.75"), D("12.00")]),
    ("published_in", Book, "published__in", [dt.date(1965, 8, 1), dt.date(1880, 1, 1)]),
    ("pages_gt", Book, "pages__gt", 400),
    ("pages_gte", Book, "pages__gte", 412),
    ("pages_lt", Book, "pages__lt", 150),
    ("pages_lte", Book, "pages__lte", 146),
    ("price_gte", Book, "price__gte", D("12.00")),
    ("price_lt_decimal", Book, "price__lt", D("8.751")),
    ("price_gt_int", Book, "price__gt", 15),
    ("rating_gt", Author, "rating__gt", 4.0),
    ("title_gt", Book, "title__gt", "M"),
    ("published_lt", Book, "published__lt", dt.date(1900, 1, 1)),
    ("opened_gt_micro", Book, "opened__gt", dt.datetime(2024, 3, 1, 9, 30, 0, 123456)),
    ("opened_gte_whole", Book, "opened__gte", dt.datetime(2024, 2, 29, 12, 0)),
    ("opened_lt", Book, "opened__lt", dt.datetime(2021, 1, 1, 0, 0, 0, 1)),
    ("posted_lte", Review, "posted__lte", dt.datetime(2022, 2, 3)),
    ("pages_range", Book, "pages__range", (200, 400)),
    ("price_range", Book, "price__range", (D("8.75"), D("12"))),
    ("published_range", Book, "published__range", (dt.date(1940, 1, 1), dt.date(1970, 12, 31))),
    ("opened_range", Book, "opened__range", (dt.datetime(2023, 1, 1), dt.datetime(2024, 3, 1, 9, 30, 0, 123456))),
    ("price_isnull", Book, "price__isnull", True),
    ("price_isnull_false", Book, "price__isnull", False),
    ("publisher_isnull", Book, "publisher__isnull", True),
    ("editor_isnull_false", Book, "editor__isnull", False),
    ("mentor_isnull", Author, "mentor__isnull", True),
    ("due_isnull", Loan, "due__isnull", True),
    ("title_regex", Book, "title__regex", r"^[A-D]"),
    ("title_regex_end", Book, "title__regex", r"Dune$"),
    ("title_regex_case", Book, "title__regex", r"^the"),
    ("title_iregex", Book, "title__iregex", r"^the"),
    ("title_regex_accent", Book, "title__regex", r"é+t"),
    ("name_regex_alternation", Author, "name__regex", r"(Zola|Grass)$"),
    ("comment_regex_quote", Review, "comment__regex", r"'s \""),
    ("published_year", Book, "published__year", 1965),
    ("published_year_gte", Book, "published__year__gte", 1970),
    ("published_year_lt", Book, "published__year__lt", 1900),
    ("published_year_in", Book, "published__year__in", [1944, 1949, 2001]),
    ("published_month", Book, "published__month", 1),
    ("published_day", Book, "published__day", 1),
    ("published_week_day", Book, "published__week_day", 1),
    ("published_week_day_saturday", Book, "published__week_day", 7),
    ("opened_year", Book, "opened__year", 2024),
    ("opened_month_gt", Book, "opened__month__gt", 6),
    ("opened_hour", Book, "opened__hour", 9),
    ("opened_minute", Book, "opened__minute", 30),
    ("opened_second", Book, "opened__second", 59),
    ("opened_date", Book, "opened__date", dt.date(2024, 3, 1)),
    ("opened_date_lt", Book, "opened__date__lt", dt.date(2022, 1, 1)),
    ("born_year_lt", Author, "born__year__lt", 1900),
    ("posted_hour_gte", Review, "posted__hour__gte", 10),
    ("joined_second", Author, "profile__joined__second", 59),
    ("founded_year_range", Publisher, "founded__year__range", (1900, 1951)),
]

for _id, _model, _lookup, _value in FILTERS:
    case("lookups." + _id)(lambda m=_model, k=_lookup, v=_value: ids(m.objects.filter(**{k: v})))


# contains/startswith/endswith with a value whose ASCII case differs: Django-on-SQLite folds it.
@case("lookups.title_contains_other_case", differs=CASE_FOLDING, djorm=[])
def _():
    return ids(Book.objects.filter(title__contains="dune"))


@case("lookups.title_startswith_other_case", differs=CASE_FOLDING, djorm=[])
def _():
    return ids(Book.objects.filter(title__startswith="the"))


@case("lookups.title_endswith_other_case", differs=CASE_FOLDING, djorm=[])
def _():
    return ids(Book.objects.filter(title__endswith="DUNE"))


@case("lookups.title_iregex_unicode")
def _():
    return ids(Book.objects.filter(title__iregex="ÉCOLE"))


@case("lookups.name_iregex_unicode")
def _():
    return ids(Author.objects.filter(name__iregex="^émile"))
