"""Ordering with NULLs, ties, slicing, first/last, reverse."""
from django.db.models import Count, F
from django.db.models.functions import Lower

from corpus.base import case, ids, rows, value, topic
from parityapp.models import Author, Book, Review

topic("ordering")

ORDERED = [
    ("pages_then_id", lambda: Book.objects.order_by("pages", "id")),
    ("pages_desc_then_id", lambda: Book.objects.order_by("-pages", "id")),
    ("price_nulls_last", lambda: Book.objects.order_by(F("price").asc(nulls_last=True), "id")),
    ("price_desc_nulls_first", lambda: Book.objects.order_by(F("price").desc(nulls_first=True), "id")),
    ("published_desc", lambda: Book.objects.order_by("-published")),
    ("opened_micro", lambda: Book.objects.filter(opened__isnull=False).order_by("opened")),
    ("author_name_title", lambda: Book.objects.order_by("author__name", "title")),
    ("author_born_desc", lambda: Book.objects.order_by("-author__born", "id")),
    ("publisher_country_nulls", lambda: Book.objects.order_by("publisher__country", "-id")),
    ("title_binary_collation", lambda: Book.objects.order_by("title")),
    ("title_lower", lambda: Book.objects.order_by(Lower("title"))),
    ("mentor_name", lambda: Author.objects.order_by("mentor__name", "id")),
    ("annotation_count", lambda: Author.objects.annotate(n=Count("books")).order_by("-n", "id")),
    ("expression_order", lambda: Book.objects.filter(pages__isnull=False).order_by(F("pages") % 100, "id")),
    ("slice_middle", lambda: Book.objects.order_by("id")[2:5]),
    ("slice_head", lambda: Book.objects.order_by("-pages", "id")[:3]),
    ("slice_tail", lambda: Book.objects.order_by("id")[12:]),
    ("slice_past_end", lambda: Book.objects.order_by("id")[20:25]),
    ("reverse", lambda: Book.objects.order_by("title").reverse()[:4]),
    ("reverse_two_keys", lambda: Book.objects.order_by("author", "-pages").reverse()),
    ("reverse_nulls", lambda: Book.objects.order_by(F("pages").asc(nulls_last=True), "id").reverse()),
    ("distinct_order", lambda: Author.objects.filter(books__pages__gt=100).distinct().order_by("name")),
    ("review_stars_posted", lambda: Review.objects.order_by("-stars", "posted", "id")),
    ("order_by_pk_desc", lambda: Book.objects.order_by("-pk")),
    ("filter_slice", lambda: Book.objects.filter(printed=True).order_by("price", "id")[1:4]),
]

for _id, _qs in ORDERED:
    case("ordering." + _id)(lambda qs=_qs: ids(qs()))


@case("ordering.ties_key_only")
def _():
    return rows(Book.objects.order_by("price").values_list("price", flat=True), ordered=True)


@case("ordering.ties_pages_desc_key_only")
def _():
    return rows(Book.objects.order_by("-pages").values_list("pages", flat=True), ordered=True)


@case("ordering.first_ordered")
def _():
    return value(Book.objects.order_by("title").first())


@case("ordering.last_ordered")
def _():
    return value(Book.objects.order_by("title").last())


@case("ordering.first_unordered")
def _():
    return value(Book.objects.filter(pages__gt=400).first())


@case("ordering.last_unordered")
def _():
    return value(Book.objects.filter(pages__gt=400).last())


@case("ordering.first_empty")
def _():
    return value(Book.objects.filter(pages__gt=10000).first())


@case("ordering.first_nulls")
def _():
    return value(Book.objects.order_by("pages", "id").first())


@case("ordering.last_desc_nulls")
def _():
    return value(Book.objects.order_by("-price", "id").last())


@case("ordering.index")
def _():
    return value(Book.objects.order_by("id")[3])


@case("ordering.index_desc")
def _():
    return value(Book.objects.order_by("-pages", "id")[0])


@case("ordering.count_sliced")
def _():
    return value(Book.objects.order_by("id")[2:5].count())


@case("ordering.count_sliced_tail")
def _():
    return value(Book.objects.order_by("id")[10:].count())


@case("ordering.exists_sliced_empty")
def _():
    return value(Book.objects.order_by("id")[20:].exists())


@case("ordering.values_ordered_by_related")
def _():
    return rows(Book.objects.order_by("author__name", "id").values_list("title", "author__name"), ordered=True)
