"""Joins of one to three hops, forward and reverse."""
from corpus.base import case, rows, ids, topic
from parityapp.models import Author, Book, Loan, Profile, Publisher, Review, Tag

topic("joins")

FILTERS = [
    ("book_author_name", lambda: Book.objects.filter(author__name="Frank Herbert")),
    ("book_author_mentor", lambda: Book.objects.filter(author__mentor__name="Ursula Le Guin")),
    ("book_author_mentor_mentor", lambda: Book.objects.filter(author__mentor__mentor__name="Émile Zola")),
    ("book_author_mentor_mentor_mentor", lambda: Book.objects.filter(author__mentor__mentor__mentor__name="Émile Zola")),
    ("book_editor_name", lambda: Book.objects.filter(editor__name__startswith="U")),
    ("book_publisher_country_null", lambda: Book.objects.filter(publisher__country__isnull=True)),
    ("review_book_author", lambda: Review.objects.filter(book__author__name="Günter Grass")),
    ("review_book_author_mentor", lambda: Review.objects.filter(book__author__mentor__name="Émile Zola")),
    ("review_book_publisher", lambda: Review.objects.filter(book__publisher__country="US")),
    ("loan_book_publisher", lambda: Loan.objects.filter(book__publisher__name="Gallimard")),
    ("profile_author_books", lambda: Profile.objects.filter(author__books__pages__gt=400).distinct()),
    ("author_books_publisher", lambda: Author.objects.filter(books__publisher__country="DE").distinct()),
    ("author_books_tags", lambda: Author.objects.filter(books__tags__name="fantasy").distinct()),
    ("author_books_reviews_reviewer", lambda: Author.objects.filter(books__reviews__reviewer__name="Ursula Le Guin").distinct()),
    ("author_pupils", lambda: Author.objects.filter(pupils__name__startswith="J")),
    ("author_pupils_books", lambda: Author.objects.filter(pupils__books__title="Ficciones")),
    ("author_pupils_pupils", lambda: Author.objects.filter(pupils__pupils__name="Toni Morrison")),
    ("author_edited", lambda: Author.objects.filter(edited__isnull=False).distinct()),
    ("author_reviews_book", lambda: Author.objects.filter(reviews__book__title="Dune")),
    ("author_profile_bio", lambda: Author.objects.filter(profile__bio__contains="'")),
    ("publisher_books_author", lambda: Publisher.objects.filter(books__author__name__startswith="F").distinct()),
    ("publisher_books_tags", lambda: Publisher.objects.filter(books__tags__name="satire").distinct()),
    ("publisher_books_author_mentor", lambda: Publisher.objects.filter(books__author__mentor__name="Émile Zola").distinct()),
    ("tag_books_author", lambda: Tag.objects.filter(books__author__name="Jorge Luis Borges").distinct()),
    ("tag_books_publisher_null", lambda: Tag.objects.filter(books__publisher__isnull=True).distinct()),
    ("tag_books_reviews", lambda: Tag.objects.filter(books__reviews__stars=5).distinct()),
    ("tag_books_isnull", lambda: Tag.objects.filter(books__isnull=True)),
    ("publisher_books_isnull", lambda: Publisher.objects.filter(books__isnull=True)),
    ("author_books_isnull", lambda: Author.objects.filter(books__isnull=True)),
    ("book_reviews_duplicates", lambda: Book.objects.filter(reviews__stars__gte=4)),
]

for _id, _qs in FILTERS:
    case("joins." + _id)(lambda qs=_qs: ids(qs()))

VALUES = [
    ("values_book_author_mentor", lambda: Book.objects.values_list("id", "author__mentor__name")),
    ("values_book_publisher_country", lambda: Book.objects.values_list("id", "publisher__country")),
    ("values_author_books", lambda: Author.objects.values_list("id", "books__title")),
    ("values_author_profile", lambda: Author.objects.values_list("id", "profile__bio")),
    ("values_author_pupils", lambda: Author.objects.values_list("id", "pupils__name")),
    ("values_tag_books_author", lambda: Tag.objects.values_list("name", "books__author__name")),
    ("values_review_three_hops", lambda: Review.objects.values_list("id", "book__author__mentor__name")),
    ("values_book_tags", lambda: Book.objects.filter(pk__lte=4).values_list("id", "tags__name")),
    ("values_publisher_books_reviews", lambda: Publisher.objects.values_list("id", "books__reviews__stars")),
]

for _id, _qs in VALUES:
    case("joins." + _id)(lambda qs=_qs: rows(qs()))
