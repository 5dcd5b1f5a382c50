"""Aggregates with filter=, annotate with join inflation and distinct, HAVING, values().annotate()."""
from django.db.models import Avg, Count, F, Max, Min, Q, Sum

from corpus.base import case, ids, rows, value, topic
from parityapp.models import Author, Book, Publisher, Review, Tag

topic("aggregates")

AGGREGATES = [
    ("count_id", lambda: Book.objects.aggregate(n=Count("id"))),
    ("count_nullable", lambda: Book.objects.aggregate(n=Count("price"))),
    ("count_distinct", lambda: Book.objects.aggregate(n=Count("price", distinct=True))),
    ("sum_int", lambda: Book.objects.aggregate(s=Sum("pages"))),
    ("sum_decimal", lambda: Book.objects.aggregate(s=Sum("price"))),
    ("avg_int", lambda: Book.objects.aggregate(a=Avg("pages"))),
    ("avg_float", lambda: Author.objects.aggregate(a=Avg("rating"))),
    ("max_decimal", lambda: Book.objects.aggregate(m=Max("price"))),
    ("min_date", lambda: Book.objects.aggregate(m=Min("published"))),
    ("max_datetime", lambda: Book.objects.aggregate(m=Max("opened"))),
    ("min_text", lambda: Book.objects.aggregate(m=Min("title"))),
    ("several", lambda: Book.objects.aggregate(n=Count("id"), s=Sum("pages"), mx=Max("pages"), mn=Min("pages"))),
    ("filter_count", lambda: Book.objects.aggregate(n=Count("id", filter=Q(pages__gt=300)))),
    ("filter_sum", lambda: Book.objects.aggregate(s=Sum("pages", filter=Q(printed=False)))),
    ("filter_avg_decimal", lambda: Book.objects.aggregate(a=Avg("price", filter=Q(author__name__startswith="J")))),
    ("filter_none_match", lambda: Book.objects.aggregate(s=Sum("pages", filter=Q(pages__gt=5000)), n=Count("id", filter=Q(pages__gt=5000)))),
    ("empty_set", lambda: Book.objects.filter(pages__gt=9999).aggregate(s=Sum("pages"), n=Count("id"), a=Avg("price"))),
    ("across_fk", lambda: Book.objects.aggregate(m=Max("author__born"))),
    ("across_reverse", lambda: Author.objects.aggregate(n=Count("books"))),
    ("across_m2m_distinct", lambda: Author.objects.aggregate(n=Count("books__tags", distinct=True))),
    ("filtered_queryset", lambda: Book.objects.filter(publisher__country="US").aggregate(s=Sum("pages"), a=Avg("pages"))),
    ("sum_expression", lambda: Book.objects.aggregate(s=Sum(F("pages") * 2))),
    ("over_annotation", lambda: Author.objects.annotate(n=Count("books")).aggregate(m=Max("n"), s=Sum("n"))),
    ("sliced", lambda: Book.objects.order_by("id")[:5].aggregate(s=Sum("pages"))),
    ("distinct_queryset", lambda: Book.objects.filter(tags__name__in=["sf", "classic"]).distinct().aggregate(s=Sum("pages"))),
]

for _id, _agg in AGGREGATES:
    case("aggregates." + _id)(lambda agg=_agg: value(agg()))

ANNOTATED = [
    ("count_reverse", lambda: Author.objects.annotate(n=Count("books")).values_list("id", "n")),
    ("count_m2m", lambda: Book.objects.annotate(n=Count("tags")).values_list("id", "n")),
    ("count_reverse_m2m", lambda: Tag.objects.annotate(n=Count("books")).values_list("name", "n")),
    ("inflation", lambda: Author.objects.annotate(b=Count("books"), r=Count("reviews")).values_list("id", "b", "r")),
    ("inflation_distinct", lambda: Author.objects.annotate(b=Count("books", distinct=True), r=Count("reviews", distinct=True)).values_list("id", "b", "r")),
    ("inflation_sum", lambda: Author.objects.annotate(p=Sum("books__pages"), t=Count("books__tags")).values_list("id", "p", "t")),
    ("sum_reverse", lambda: Author.objects.annotate(p=Sum("books__pages")).values_list("id", "p")),
    ("avg_reverse_decimal", lambda: Publisher.objects.annotate(a=Avg("books__price")).values_list("id", "a")),
    ("max_reverse_date", lambda: Author.objects.annotate(m=Max("books__published")).values_list("id", "m")),
    ("min_reverse_decimal", lambda: Author.objects.annotate(m=Min("books__price")).values_list("id", "m")),
    ("two_hops", lambda: Publisher.objects.annotate(n=Count("books__reviews")).values_list("id", "n")),
    ("self_reverse", lambda: Author.objects.annotate(n=Count("pupils")).values_list("id", "n")),
    ("filter_then_annotate", lambda: Author.objects.filter(books__pages__gt=300).annotate(n=Count("books")).values_list("id", "n")),
    ("annotate_then_filter", lambda: Author.objects.annotate(n=Count("books")).filter(books__pages__gt=300).values_list("id", "n")),
    ("count_with_filter_arg", lambda: Publisher.objects.annotate(n=Count("books", filter=Q(books__printed=True))).values_list("id", "n")),
    ("sum_with_filter_arg", lambda: Author.objects.annotate(s=Sum("books__pages", filter=Q(books__published__year__gte=1950))).values_list("id", "s")),
    ("annotate_expression", lambda: Author.objects.annotate(x=Count("books") * 10 + 1).values_list("id", "x")),
    ("annotate_on_values_instance", lambda: [(a.pk, a.n) for a in Author.objects.annotate(n=Count("books"))]),
]

for _id, _qs in ANNOTATED:
    case("aggregates." + _id)(lambda qs=_qs: rows(qs()))

HAVING = [
    ("having_gte", lambda: Author.objects.annotate(n=Count("books")).filter(n__gte=3)),
    ("having_zero", lambda: Author.objects.annotate(n=Count("books")).filter(n=0)),
    ("having_exclude", lambda: Author.objects.annotate(n=Count("books")).exclude(n=2)),
    ("having_sum", lambda: Author.objects.annotate(p=Sum("books__pages")).filter(p__gt=700)),
    ("having_and_where", lambda: Author.objects.filter(rating__gte=4).annotate(n=Count("books")).filter(n__gte=2)),
    ("having_or", lambda: Author.objects.annotate(n=Count("books")).filter(Q(n=0) | Q(name__startswith="É"))),
    ("having_avg", lambda: Publisher.objects.annotate(a=Avg("books__pages")).filter(a__lt=300)),
    ("having_tags", lambda: Tag.objects.annotate(n=Count("books")).filter(n__gte=2)),
    ("having_isnull", lambda: Author.objects.annotate(m=Max("books__price")).filter(m__isnull=True)),
]

for _id, _qs in HAVING:
    case("aggregates." + _id)(lambda qs=_qs: ids(qs()))

GROUPED = [
    ("values_fk", lambda: Book.objects.values("author").annotate(n=Count("id"))),
    ("values_bool", lambda: Book.objects.values("printed").annotate(s=Sum("pages"), n=Count("id"))),
    ("values_nullable_fk_field", lambda: Book.objects.values("publisher__country").annotate(n=Count("id"))),
    ("values_two_hops", lambda: Book.objects.values("author__mentor__name").annotate(n=Count("id"))),
    ("values_m2m", lambda: Book.objects.values("tags__name").annotate(n=Count("id"))),
    ("values_two_fields", lambda: Book.objects.values("printed", "publisher").annotate(n=Count("id"))),
    ("values_having", lambda: Book.objects.values("author").annotate(n=Count("id")).filter(n__gte=3)),
    ("values_decimal_sum", lambda: Book.objects.values("publisher").annotate(s=Sum("price"))),
    ("values_avg_decimal", lambda: Book.objects.values("author").annotate(a=Avg("price"))),
    ("values_reverse_count", lambda: Author.objects.values("mentor").annotate(n=Count("books"))),
    ("values_list_grouped", lambda: Review.objects.values_list("stars").annotate(n=Count("id"))),
    ("values_ordered", lambda: Book.objects.values("author").annotate(n=Count("id")).order_by("-n", "author")),
]

for _id, _qs in GROUPED:
    case("aggregates." + _id)(lambda qs=_qs: rows(qs(), ordered=qs().ordered))
