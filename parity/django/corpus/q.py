"""Q with &, |, ~ over nullable and multi-valued relations; exclude over relations."""
from django.db.models import Q

from corpus.base import case, ids, topic
from parityapp.models import Author, Book, Publisher, Review, Tag

topic("q")

# (id, queryset): the ids of each queryset, in any order.
QUERIES = [
    ("or_simple", lambda: Book.objects.filter(Q(pages__gt=500) | Q(price__lt=5))),
    ("and_simple", lambda: Book.objects.filter(Q(pages__gt=300) & Q(price__lt=12))),
    ("not_nullable_int", lambda: Book.objects.filter(~Q(pages__gt=300))),
    ("not_nullable_decimal", lambda: Book.objects.filter(~Q(price__lt=10))),
    ("not_and", lambda: Book.objects.filter(~(Q(pages__gt=300) & Q(price__lt=12)))),
    ("not_or", lambda: Book.objects.filter(~(Q(pages__gt=400) | Q(price__isnull=True)))),
    ("double_not", lambda: Book.objects.filter(~~Q(pages__gt=400))),
    ("not_isnull", lambda: Author.objects.filter(~Q(email__isnull=False))),
    ("not_fk_nullable", lambda: Book.objects.filter(~Q(publisher__country="US"))),
    ("not_fk_nullable_isnull", lambda: Book.objects.filter(~Q(publisher__country__isnull=True))),
    ("or_across_fk", lambda: Book.objects.filter(Q(publisher__country="FR") | Q(author__name__startswith="J"))),
    ("or_fk_null_side", lambda: Book.objects.filter(Q(publisher__isnull=True) | Q(publisher__country="DE"))),
    ("and_not_fk", lambda: Book.objects.filter(Q(printed=True) & ~Q(publisher__country="US"))),
    ("not_m2m", lambda: Book.objects.filter(~Q(tags__name="sf"))),
    ("or_m2m_duplicates", lambda: Book.objects.filter(Q(tags__name="sf") | Q(tags__name="classic"))),
    ("or_m2m_distinct", lambda: Book.objects.filter(Q(tags__name="sf") | Q(tags__name="classic")).distinct()),
    ("and_m2m_same_call", lambda: Book.objects.filter(Q(tags__name="sf") & Q(tags__name="classic"))),
    ("and_m2m_two_calls", lambda: Book.objects.filter(tags__name="sf").filter(tags__name="classic")),
    ("m2m_kwargs_same_call", lambda: Book.objects.filter(tags__name="fantasy", tags__name__startswith="c")),
    ("m2m_two_calls_prefix", lambda: Book.objects.filter(tags__name="fantasy").filter(tags__name__startswith="c")),
    ("reverse_fk_same_call", lambda: Author.objects.filter(books__pages__gt=400, books__price__lt=12)),
    ("reverse_fk_two_calls", lambda: Author.objects.filter(books__pages__gt=400).filter(books__price__lt=12)),
    ("reverse_fk_or", lambda: Author.objects.filter(Q(books__pages__gt=700) | Q(rating__gte=5)).distinct()),
    ("reverse_fk_not", lambda: Author.objects.filter(~Q(books__pages__gt=400))),
    ("reverse_fk_not_and", lambda: Author.objects.filter(~Q(books__pages__gt=300, books__price__lt=10))),
    ("reverse_o2o_isnull", lambda: Author.objects.filter(profile__isnull=True)),
    ("reverse_o2o_not", lambda: Author.objects.filter(~Q(profile__bio=""))),
    ("self_fk_or", lambda: Author.objects.filter(Q(mentor__isnull=True) | Q(mentor__name__startswith="É"))),
    ("self_fk_two_hops", lambda: Author.objects.filter(mentor__mentor__name="Émile Zola")),
    ("empty_q", lambda: Book.objects.filter(Q())),
    ("in_empty_or", lambda: Book.objects.filter(Q(pk__in=[]) | Q(title="Nana"))),
    ("in_empty_and", lambda: Book.objects.filter(Q(pk__in=[]) & Q(title="Nana"))),
    ("not_in_empty", lambda: Book.objects.filter(~Q(pk__in=[]))),
    ("nested", lambda: Book.objects.filter((Q(pages__lt=200) | Q(pages__gt=500)) & (Q(price__isnull=True) | Q(price__lt=10)))),
    ("exclude_simple", lambda: Book.objects.exclude(pages__gt=300)),
    ("exclude_two_kwargs", lambda: Book.objects.exclude(pages__gt=300, price__lt=12)),
    ("exclude_q_or", lambda: Book.objects.exclude(Q(pages__gt=400) | Q(printed=False))),
    ("exclude_fk", lambda: Book.objects.exclude(publisher__country="US")),
    ("exclude_fk_isnull", lambda: Book.objects.exclude(publisher__isnull=True)),
    ("exclude_reverse_fk", lambda: Author.objects.exclude(books__pages__gt=400)),
    ("exclude_reverse_fk_two", lambda: Author.objects.exclude(books__pages__gt=300, books__price__lt=10)),
    ("exclude_m2m", lambda: Book.objects.exclude(tags__name="classic")),
    ("exclude_m2m_in", lambda: Book.objects.exclude(tags__name__in=["sf", "satire"])),
    ("exclude_reverse_m2m", lambda: Tag.objects.exclude(books__author__name="Frank Herbert")),
    ("exclude_two_hops", lambda: Publisher.objects.exclude(books__author__name__startswith="F")),
    ("exclude_reviews_lt", lambda: Book.objects.exclude(reviews__stars__lt=4)),
    ("exclude_then_filter", lambda: Book.objects.exclude(tags__name="sf").filter(pages__gt=300)),
    ("filter_then_exclude_same_rel", lambda: Book.objects.filter(tags__name="classic").exclude(tags__name="sf")),
    ("review_or_nullable_dt", lambda: Review.objects.filter(Q(posted__isnull=True) | Q(posted__year=2024))),
    ("review_not_dt", lambda: Review.objects.filter(~Q(posted__year=2024))),
]

for _id, _qs in QUERIES:
    case("q." + _id)(lambda qs=_qs: ids(qs()))
