"""Subquery, Exists and OuterRef."""
from django.db.models import Count, Exists, Max, OuterRef, Subquery

from corpus.base import case, ids, rows, topic
from parityapp.models import Author, Book, Publisher, Review, Tag

topic("subqueries")


def newest_title():
    return Subquery(Book.objects.filter(author=OuterRef("pk")).order_by("-published", "id").values("title")[:1])


ANNOTATIONS = [
    ("latest_title", lambda: Author.objects.annotate(x=newest_title())),
    ("exists_value", lambda: Author.objects.annotate(x=Exists(Book.objects.filter(author=OuterRef("pk"), price__lt=9)))),
    ("subquery_count", lambda: Author.objects.annotate(x=Subquery(
        Book.objects.filter(author=OuterRef("pk")).values("author").annotate(c=Count("id")).values("c")))),
    ("subquery_max_pages", lambda: Publisher.objects.annotate(x=Subquery(
        Book.objects.filter(publisher=OuterRef("pk")).order_by("-pages").values("pages")[:1]))),
    ("outerref_across_fk", lambda: Book.objects.annotate(x=Subquery(
        Book.objects.filter(author=OuterRef("author__mentor")).order_by("id").values("title")[:1]))),
    ("subquery_decimal", lambda: Author.objects.annotate(x=Subquery(
        Book.objects.filter(author=OuterRef("pk")).order_by("price").values("price")[:1]))),
    ("subquery_reverse", lambda: Book.objects.annotate(x=Subquery(
        Review.objects.filter(book=OuterRef("pk")).order_by("-stars", "id").values("comment")[:1]))),
]

for _id, _qs in ANNOTATIONS:
    case("subqueries." + _id)(lambda qs=_qs: rows(qs().values_list("id", "x")))

FILTERS = [
    ("filter_exists", lambda: Author.objects.filter(Exists(Book.objects.filter(author=OuterRef("pk"), price__lt=9)))),
    ("filter_exists_m2m", lambda: Tag.objects.filter(Exists(Book.objects.filter(tags=OuterRef("pk"), pages__gt=400)))),
    ("filter_exists_two_hops", lambda: Publisher.objects.filter(
        Exists(Review.objects.filter(book__publisher=OuterRef("pk"), stars=5)))),
    ("filter_exists_annotated", lambda: Author.objects.annotate(
        x=Exists(Review.objects.filter(reviewer=OuterRef("pk")))).filter(x=True)),
    ("filter_exists_false", lambda: Author.objects.annotate(
        x=Exists(Review.objects.filter(reviewer=OuterRef("pk")))).filter(x=False)),
    ("in_queryset", lambda: Book.objects.filter(author__in=Author.objects.filter(rating__gte=4.5))),
    ("in_values", lambda: Book.objects.filter(author__in=Author.objects.filter(born__year__lt=1900).values("pk"))),
    ("in_values_list", lambda: Book.objects.filter(pk__in=Review.objects.filter(stars=5).values_list("book", flat=True))),
    ("not_in_queryset", lambda: Book.objects.exclude(author__in=Author.objects.filter(rating__gte=4.5))),
    ("compare_subquery", lambda: Book.objects.filter(price__gt=Subquery(Book.objects.filter(pk=2).values("price")))),
    ("compare_outer", lambda: Book.objects.filter(pages__gt=Subquery(
        Book.objects.filter(author=OuterRef("author")).order_by("pages").values("pages")[:1]))),
    ("filter_latest_title", lambda: Author.objects.annotate(x=newest_title()).filter(x__startswith="C")),
    ("order_by_subquery", lambda: Author.objects.filter(books__isnull=False).distinct().annotate(x=Subquery(
        Book.objects.filter(author=OuterRef("pk")).order_by("-pages").values("pages")[:1])).order_by("-x", "id")),
    ("in_aggregated_values", lambda: Author.objects.filter(pk__in=Book.objects.values("author").annotate(
        m=Max("pages")).filter(m__gt=500).values("author"))),
]

for _id, _qs in FILTERS:
    case("subqueries." + _id)(lambda qs=_qs: ids(qs()))
