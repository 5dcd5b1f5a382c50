"""Every retrieval shape: values, values_list, flat, named, in_bulk, iterator, only/defer, get, count."""
from corpus.base import case, ids, rows, value, topic
from parityapp.models import Author, Book, Publisher, Review, Tag

topic("retrieval")


@case("retrieval.values_fields")
def _():
    return rows(Book.objects.filter(pk__lt=4).values("title", "pages", "price"))


@case("retrieval.values_all_fields")
def _():
    return rows(Publisher.objects.values())


@case("retrieval.values_related")
def _():
    return rows(Book.objects.filter(pk__lt=6).values("title", "author__name", "publisher__country"))


@case("retrieval.values_ordered")
def _():
    return rows(Book.objects.order_by("-id").values("id", "published", "opened"), ordered=True)


@case("retrieval.values_list")
def _():
    return rows(Book.objects.values_list("title", "price", "printed"))


@case("retrieval.values_list_dates")
def _():
    return rows(Book.objects.values_list("id", "published", "opened"))


@case("retrieval.values_list_fk_id")
def _():
    return rows(Book.objects.values_list("id", "author", "publisher", "editor"))


@case("retrieval.values_list_flat")
def _():
    return rows(Book.objects.order_by("id").values_list("pages", flat=True), ordered=True)


@case("retrieval.values_list_flat_decimal")
def _():
    return rows(Book.objects.values_list("price", flat=True))


@case("retrieval.values_list_flat_distinct")
def _():
    return rows(Book.objects.values_list("author__name", flat=True).distinct())


@case("retrieval.values_list_flat_datetime")
def _():
    return rows(Review.objects.values_list("posted", flat=True))


@case("retrieval.values_list_named")
def _():
    return rows(Author.objects.values_list("id", "name", "rating", named=True))


@case("retrieval.values_list_named_related")
def _():
    return rows(Book.objects.filter(pk__in=[1, 8]).values_list("title", "author__mentor__name", named=True))


@case("retrieval.in_bulk")
def _():
    return value(Book.objects.in_bulk([1, 2, 99]))


@case("retrieval.in_bulk_empty")
def _():
    return value(Book.objects.in_bulk([]))


@case("retrieval.in_bulk_all")
def _():
    return value(Tag.objects.in_bulk())


@case("retrieval.in_bulk_field")
def _():
    return value(Tag.objects.in_bulk(["sf", "été", "none"], field_name="name"))


@case("retrieval.in_bulk_filtered")
def _():
    return value(Book.objects.filter(pages__gt=400).in_bulk([1, 3, 5]))


@case("retrieval.iterator")
def _():
    return rows([b.pk for b in Book.objects.order_by("id").iterator(chunk_size=4)], ordered=True)


@case("retrieval.iterator_values")
def _():
    return rows(list(Book.objects.order_by("id").values_list("title", flat=True).iterator(chunk_size=3)), ordered=True)


@case("retrieval.iterator_filtered")
def _():
    return rows([b.pk for b in Book.objects.filter(price__isnull=False).iterator(chunk_size=2)])


@case("retrieval.only")
def _():
    return rows([(b.pk, b.title, sorted(b.get_deferred_fields())) for b in Book.objects.only("title").filter(pk__lt=4)])


@case("retrieval.only_values")
def _():
    return rows([(b.pk, b.title, b.pages) for b in Book.objects.only("title").filter(pk__lt=4)])


@case("retrieval.defer")
def _():
    return rows([(b.pk, b.pages, sorted(b.get_deferred_fields())) for b in Book.objects.defer("title", "price").filter(pk__lt=4)])


@case("retrieval.defer_loads_on_access")
def _():
    return rows([(b.pk, b.price) for b in Book.objects.defer("price").filter(pk__lt=4)])


@case("retrieval.get_pk")
def _():
    return value(Book.objects.get(pk=3))


@case("retrieval.get_null_value")
def _():
    return value(Book.objects.get(title="Nana").pages)


@case("retrieval.get_related")
def _():
    return value(Author.objects.get(books__title="Dune").name)


@case("retrieval.get_decimal")
def _():
    return value(Book.objects.get(pk=2).price)


@case("retrieval.get_datetime_micro")
def _():
    return value(Book.objects.get(pk=3).opened)


@case("retrieval.get_float")
def _():
    return value(Author.objects.get(pk=3).rating)


@case("retrieval.count")
def _():
    return value(Book.objects.count())


@case("retrieval.count_filtered_join")
def _():
    return value(Book.objects.filter(tags__name__in=["sf", "classic"]).count())


@case("retrieval.count_distinct")
def _():
    return value(Book.objects.filter(tags__name__in=["sf", "classic"]).distinct().count())


@case("retrieval.exists")
def _():
    return value(Book.objects.filter(pages__gt=700).exists())


@case("retrieval.exists_empty")
def _():
    return value(Book.objects.filter(pages__gt=7000).exists())


@case("retrieval.none")
def _():
    return ids(Book.objects.none())


@case("retrieval.none_count")
def _():
    return value(Book.objects.none().count())


@case("retrieval.related_manager")
def _():
    return ids(Author.objects.get(pk=3).books.all())


@case("retrieval.related_manager_filter")
def _():
    return ids(Author.objects.get(pk=3).books.filter(pages__gt=200))


@case("retrieval.m2m_manager")
def _():
    return ids(Book.objects.get(pk=1).tags.all())


@case("retrieval.reverse_m2m_manager")
def _():
    return ids(Tag.objects.get(name="classic").books.all())


@case("retrieval.fk_attribute")
def _():
    return value(Book.objects.get(pk=8).author.name)


@case("retrieval.fk_null_attribute")
def _():
    return value(Book.objects.get(pk=4).publisher)


@case("retrieval.reverse_o2o")
def _():
    return value(Author.objects.get(pk=5).profile.bio)
