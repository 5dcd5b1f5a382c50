"""select_related and prefetch_related, with the number of queries."""
from django.db.models import Prefetch

from corpus.base import case, rows, topic
from parityapp.models import Author, Book, Publisher, Tag

topic("related")


@case("related.select_author", queries=True)
def _():
    return rows([(b.pk, b.author.name) for b in Book.objects.select_related("author")])


@case("related.select_nullable_publisher", queries=True)
def _():
    return rows([(b.pk, b.publisher.name if b.publisher else None) for b in Book.objects.select_related("publisher")])


@case("related.select_three_hops", queries=True)
def _():
    out = []
    for b in Book.objects.select_related("author__mentor__mentor"):
        m = b.author.mentor
        out.append((b.pk, m.name if m else None, m.mentor.name if m and m.mentor else None))
    return rows(out)


@case("related.select_two_fks", queries=True)
def _():
    return rows([(b.pk, b.author.name, b.editor.name if b.editor else None) for b in Book.objects.select_related("author", "editor")])


@case("related.select_reverse_o2o", queries=True)
def _():
    out = []
    for a in Author.objects.select_related("profile"):
        try:
            out.append((a.pk, a.profile.bio))
        except Author.profile.RelatedObjectDoesNotExist:
            out.append((a.pk, None))
    return rows(out)


@case("related.without_select", queries=True)
def _():
    return rows([(b.pk, b.author.name) for b in Book.objects.filter(pk__lte=4)])


@case("related.select_filtered", queries=True)
def _():
    return rows([(b.pk, b.author.name) for b in Book.objects.select_related("author").filter(author__rating__gte=4.5)])


@case("related.prefetch_reverse_fk", queries=True)
def _():
    return rows([(a.pk, sorted(b.pk for b in a.books.all())) for a in Author.objects.prefetch_related("books")])


@case("related.prefetch_m2m", queries=True)
def _():
    return rows([(b.pk, sorted(t.name for t in b.tags.all())) for b in Book.objects.prefetch_related("tags")])


@case("related.prefetch_reverse_m2m", queries=True)
def _():
    return rows([(t.name, sorted(b.pk for b in t.books.all())) for t in Tag.objects.prefetch_related("books")])


@case("related.prefetch_two_levels", queries=True)
def _():
    out = []
    for a in Author.objects.prefetch_related("books__tags"):
        out.append((a.pk, sorted((b.pk, sorted(t.name for t in b.tags.all())) for b in a.books.all())))
    return rows(out)


@case("related.prefetch_three_levels", queries=True)
def _():
    out = []
    for p in Publisher.objects.prefetch_related("books__reviews__reviewer"):
        out.append((p.pk, sorted((b.pk, sorted((r.pk, r.reviewer.name) for r in b.reviews.all())) for b in p.books.all())))
    return rows(out)


@case("related.prefetch_object_filtered", queries=True)
def _():
    qs = Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.filter(pages__gt=300)))
    return rows([(a.pk, sorted(b.pk for b in a.books.all())) for a in qs])


@case("related.prefetch_to_attr", queries=True)
def _():
    qs = Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.filter(price__lt=10), to_attr="cheap"))
    return rows([(a.pk, sorted(b.pk for b in a.cheap)) for a in qs])


@case("related.prefetch_self", queries=True)
def _():
    return rows([(a.pk, sorted(p.pk for p in a.pupils.all())) for a in Author.objects.prefetch_related("pupils")])


@case("related.select_and_prefetch", queries=True)
def _():
    out = []
    for b in Book.objects.select_related("author").prefetch_related("tags").filter(pk__lte=5):
        out.append((b.pk, b.author.name, sorted(t.name for t in b.tags.all())))
    return rows(out)


@case("related.prefetch_empty_queryset", queries=True)
def _():
    return rows([(a.pk, len(a.books.all())) for a in Author.objects.filter(pk__gt=100).prefetch_related("books")])


@case("related.without_prefetch", queries=True)
def _():
    return rows([(a.pk, a.books.count()) for a in Author.objects.filter(pk__lte=3)])
