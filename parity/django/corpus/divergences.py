"""The divergences of issue 14, section 2: each pinned by a case (the window ones are in windows.py)."""
from django.db.models import Avg, Count, F, Q, Sum

from corpus.base import case, rows, value, topic
from parityapp.models import Author, Book

topic("divergences")


@case("divergences.values_list_flat_nulls")
def _():
    return rows(Author.objects.order_by("id").values_list("email", flat=True), ordered=True)


@case("divergences.values_list_flat_nulls_iterated")
def _():
    return rows([e for e in Author.objects.filter(email__isnull=True).values_list("email", flat=True)])


@case("divergences.values_list_flat_null_first")
def _():
    return value(Author.objects.filter(email__isnull=True).values_list("email", flat=True).first())


@case("divergences.values_list_flat_null_at")
def _():
    return value(Author.objects.order_by("email").values_list("email", flat=True)[0])


@case("divergences.count_filter_reuses_join")
def _():
    return rows(Author.objects.annotate(big=Count("books", filter=Q(books__pages__gt=400))).values_list("id", "big"))


@case("divergences.count_filter_reuses_join_two")
def _():
    qs = Author.objects.annotate(n=Count("books"), cheap=Count("books", filter=Q(books__price__lt=10)))
    return rows(qs.values_list("id", "n", "cheap"))


@case("divergences.price_per_page_scale")
def _():
    return rows(Book.objects.filter(pk__in=[1, 5, 9]).annotate(r=F("price") / F("pages")).values_list("id", "r"))


@case("divergences.values_then_annotate_same_name")
def _():
    qs = Book.objects.values("publisher__country").annotate(pages=Sum("pages")).order_by("publisher__country")
    return rows([(r["publisher__country"], r["pages"]) for r in qs], ordered=True)


@case("divergences.avg_decimal_one_value")
def _():
    return value(Book.objects.filter(author=6).aggregate(a=Avg("price")))


@case("divergences.avg_decimal_all")
def _():
    return value(Book.objects.aggregate(a=Avg("price")))
