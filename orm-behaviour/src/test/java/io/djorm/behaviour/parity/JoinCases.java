package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;

import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import java.util.function.Supplier;

/** Twin of corpus/joins.py: joins of one to three hops, forward and reverse. */
final class JoinCases implements CaseSource {
    private static void f(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("joins." + id, () -> ids(qs.get()));
    }

    private static void v(Corpus c, String id, Supplier<QuerySet<?>> qs) {
        c.add("joins." + id, () -> qs.get().list());
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        f(c, "book_author_name", () -> book.filter("author__name", "Frank Herbert"));
        f(c, "book_author_mentor", () -> book.filter("author__mentor__name", "Ursula Le Guin"));
        f(c, "book_author_mentor_mentor", () -> book.filter("author__mentor__mentor__name", "Émile Zola"));
        f(c, "book_author_mentor_mentor_mentor", () -> book.filter("author__mentor__mentor__mentor__name", "Émile Zola"));
        f(c, "book_editor_name", () -> book.filter("editor__name__startswith", "U"));
        f(c, "book_publisher_country_null", () -> book.filter("publisher__country__isnull", true));
        f(c, "review_book_author", () -> Review.objects().filter("book__author__name", "Günter Grass"));
        f(c, "review_book_author_mentor", () -> Review.objects().filter("book__author__mentor__name", "Émile Zola"));
        f(c, "review_book_publisher", () -> Review.objects().filter("book__publisher__country", "US"));
        f(c, "loan_book_publisher", () -> Loan.objects().filter("book__publisher__name", "Gallimard"));
        f(c, "profile_author_books", () -> Profile.objects().filter("author__books__pages__gt", 400).distinct());
        f(c, "author_books_publisher", () -> author.filter("books__publisher__country", "DE").distinct());
        f(c, "author_books_tags", () -> author.filter("books__tags__name", "fantasy").distinct());
        f(c, "author_books_reviews_reviewer", () -> author.filter("books__reviews__reviewer__name", "Ursula Le Guin").distinct());
        f(c, "author_pupils", () -> author.filter("pupils__name__startswith", "J"));
        f(c, "author_pupils_books", () -> author.filter("pupils__books__title", "Ficciones"));
        f(c, "author_pupils_pupils", () -> author.filter("pupils__pupils__name", "Toni Morrison"));
        f(c, "author_edited", () -> author.filter("edited__isnull", false).distinct());
        f(c, "author_reviews_book", () -> author.filter("reviews__book__title", "Dune"));
        f(c, "author_profile_bio", () -> author.filter("profile__bio__contains", "'"));
        f(c, "publisher_books_author", () -> Publisher.objects().filter("books__author__name__startswith", "F").distinct());
        f(c, "publisher_books_tags", () -> Publisher.objects().filter("books__tags__name", "satire").distinct());
        f(c, "publisher_books_author_mentor", () -> Publisher.objects().filter("books__author__mentor__name", "Émile Zola").distinct());
        f(c, "tag_books_author", () -> Tag.objects().filter("books__author__name", "Jorge Luis Borges").distinct());
        f(c, "tag_books_publisher_null", () -> Tag.objects().filter("books__publisher__isnull", true).distinct());
        f(c, "tag_books_reviews", () -> Tag.objects().filter("books__reviews__stars", 5).distinct());
        f(c, "tag_books_isnull", () -> Tag.objects().filter("books__isnull", true));
        f(c, "publisher_books_isnull", () -> Publisher.objects().filter("books__isnull", true));
        f(c, "author_books_isnull", () -> author.filter("books__isnull", true));
        f(c, "book_reviews_duplicates", () -> book.filter("reviews__stars__gte", 4));
        v(c, "values_book_author_mentor", () -> book.valuesList("id", "author__mentor__name"));
        v(c, "values_book_publisher_country", () -> book.valuesList("id", "publisher__country"));
        v(c, "values_author_books", () -> author.valuesList("id", "books__title"));
        v(c, "values_author_profile", () -> author.valuesList("id", "profile__bio"));
        v(c, "values_author_pupils", () -> author.valuesList("id", "pupils__name"));
        v(c, "values_tag_books_author", () -> Tag.objects().valuesList("name", "books__author__name"));
        v(c, "values_review_three_hops", () -> Review.objects().valuesList("id", "book__author__mentor__name"));
        v(c, "values_book_tags", () -> book.filter("pk__lte", 4).valuesList("id", "tags__name"));
        v(c, "values_publisher_books_reviews", () -> Publisher.objects().valuesList("id", "books__reviews__stars"));
    }
}
