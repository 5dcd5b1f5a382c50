"""union, intersection, difference."""
from corpus.base import case, ids, rows, value, topic
from parityapp.models import Author, Book

topic("setops")


def long_books():
    return Book.objects.filter(pages__gt=400)


def cheap_books():
    return Book.objects.filter(price__lt=10)


SETS = [
    ("union", lambda: long_books().union(cheap_books())),
    ("union_all", lambda: long_books().union(cheap_books(), all=True)),
    ("union_three", lambda: long_books().union(cheap_books(), Book.objects.filter(pk=15))),
    ("intersection", lambda: long_books().intersection(Book.objects.filter(printed=True))),
    ("difference", lambda: Book.objects.filter(printed=True).difference(cheap_books())),
    ("union_ordered", lambda: long_books().union(cheap_books()).order_by("-id")),
    ("union_sliced", lambda: long_books().union(cheap_books()).order_by("id")[1:3]),
    ("union_empty", lambda: Book.objects.none().union(long_books())),
    ("difference_empty", lambda: long_books().difference(Book.objects.all())),
]

for _id, _qs in SETS:
    case("setops." + _id)(lambda qs=_qs: ids(qs()))


@case("setops.union_values_list")
def _():
    return rows(Book.objects.filter(pk__lt=3).values_list("title").union(Author.objects.filter(pk__lt=3).values_list("name")))


@case("setops.union_count")
def _():
    return value(long_books().union(cheap_books()).count())


@case("setops.intersection_values")
def _():
    return rows(Book.objects.values_list("author").intersection(Book.objects.filter(pages__gt=400).values_list("author")))


@case("setops.union_values_ordered")
def _():
    return rows(long_books().values_list("pages").union(cheap_books().values_list("pages")).order_by("-pages"),
                ordered=True)
