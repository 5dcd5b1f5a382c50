"""Expected errors: the Django exception each mistake raises."""
from corpus.base import case, topic
from parityapp.models import Author, Book, Tag

topic("errors")


@case("errors.get_multiple", error="MultipleObjectsReturned")
def _():
    Book.objects.get(printed=True)


@case("errors.get_none", error="DoesNotExist")
def _():
    Book.objects.get(title="Missing")


@case("errors.get_related_none", error="DoesNotExist")
def _():
    Author.objects.get(books__title="Missing")


@case("errors.reverse_o2o_missing", error="DoesNotExist")
def _():
    Author.objects.get(pk=3).profile


@case("errors.unknown_field", error="FieldError")
def _():
    list(Book.objects.filter(nope=1))


@case("errors.unknown_related_field", error="FieldError")
def _():
    list(Book.objects.filter(author__nope=1))


@case("errors.unknown_lookup", error="FieldError")
def _():
    list(Book.objects.filter(pages__nope=1))


@case("errors.transform_on_text", error="FieldError")
def _():
    list(Book.objects.filter(title__year=2000))


@case("errors.order_by_unknown", error="FieldError")
def _():
    list(Book.objects.order_by("nope"))


@case("errors.values_unknown", error="FieldError")
def _():
    list(Book.objects.values("nope"))


@case("errors.unique_violation", error="IntegrityError")
def _():
    Tag.objects.create(name="sf")


@case("errors.not_null_violation", error="IntegrityError")
def _():
    Tag.objects.create(name=None)


@case("errors.annotate_unknown", error="FieldError")
def _():
    from django.db.models import Count
    list(Author.objects.annotate(n=Count("nope")))
