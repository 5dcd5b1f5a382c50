package io.djorm.benchmarks.remote;

import io.djorm.core.Djorm;
import java.util.ArrayList;
import java.util.List;

/**
 * The data the remote operations run on: 5 countries, 20 publishers, 100 authors, 10 tags, 2,000 books
 * (each with two or three tags), and, for the delete, one author whose books and reviews are made again
 * before each run with the same keys, so every run and every replay deletes the same rows.
 */
public final class Library {
    /** Books in the seed. */
    public static final int BOOKS = 2_000;
    /** The key of the author the cascade deletes (far above the seed's keys). */
    public static final long DOOMED_AUTHOR = 1_000_000;
    /**
     * The doomed books' first key: far above the keys the timed bulkCreate gives the books it adds (1,000
     * a run; a fast run with its A/A controls makes over a thousand runs, which reached a million).
     */
    private static final long DOOMED_BOOKS_FROM = 100_000_000;
    private static final int DOOMED_BOOKS = 20;
    private static final int REVIEWS_PER_BOOK = 2;

    private Library() {
    }

    /** Creates the tables and the seed on the default alias. */
    public static void seed() {
        Djorm.connection().createTables(Country.class, Publisher.class, Author.class, Tag.class, Book.class, Review.class);
        List<Country> countries = Country.objects().bulkCreate(named(5, Country::new, (c, n) -> c.name = n));
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Publisher p = new Publisher();
            p.name = "publisher-" + i;
            p.country.set(countries.get(i % countries.size()));
            publishers.add(p);
        }
        Publisher.objects().bulkCreate(publishers);
        List<Author> authors = Author.objects().bulkCreate(named(100, Author::new, (a, n) -> a.name = n));
        Tag.objects().bulkCreate(named(10, Tag::new, (t, n) -> t.name = n));
        List<Book> books = new ArrayList<>(BOOKS);
        for (int i = 0; i < BOOKS; i++) books.add(book("book-" + i, i, authors.get(i % authors.size()), publishers.get(i % publishers.size())));
        Book.objects().bulkCreate(books);
        // Each book gets the tags whose key shares its remainder by 4 or 5: two or three tags a book.
        Djorm.connection().execute("INSERT INTO rb_book_tags (book_id, tag_id) SELECT b.id, t.id FROM rb_book b "
                + "JOIN rb_tag t ON (b.id + t.id) % 4 = 0 OR (b.id + t.id) % 5 = 0");
    }

    /** Makes the doomed author again, with its books, their reviews and tag links, all under fixed keys. */
    public static void restoreDoomedAuthor() {
        Author author = new Author();
        author.setPk(DOOMED_AUTHOR);
        author.name = "doomed";
        Author.objects().bulkCreate(List.of(author));
        Publisher publisher = Publisher.objects().orderBy("pk").first().orElseThrow();
        List<Book> books = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < DOOMED_BOOKS; i++) {
            Book b = book("doomed-" + i, i, author, publisher);
            b.setPk(DOOMED_BOOKS_FROM + i);
            books.add(b);
            for (int r = 0; r < REVIEWS_PER_BOOK; r++) {
                Review review = new Review();
                review.setPk((DOOMED_BOOKS_FROM + i) * REVIEWS_PER_BOOK + r);
                review.stars = r + 1;
                review.book.set(b);
                reviews.add(review);
            }
        }
        Book.objects().bulkCreate(books);
        Review.objects().bulkCreate(reviews);
        Djorm.connection().execute("INSERT INTO rb_book_tags (book_id, tag_id) SELECT b.id, t.id FROM rb_book b "
                + "JOIN rb_tag t ON t.id <= 2 WHERE b.author_id = ?", DOOMED_AUTHOR);
    }

    /** How many rows the cascade removes: the author, its books, their reviews and their two tag links each. */
    public static int doomedRows() {
        return 1 + DOOMED_BOOKS + DOOMED_BOOKS * REVIEWS_PER_BOOK + DOOMED_BOOKS * 2;
    }

    /** An unsaved book. */
    public static Book book(String title, int i, Author author, Publisher publisher) {
        Book b = new Book();
        b.title = title;
        b.pages = 100 + i % 400;
        b.price = 5 + (i % 50) * 0.5;
        b.author.set(author);
        b.publisher.set(publisher);
        return b;
    }

    private static <T> List<T> named(int n, java.util.function.Supplier<T> make, java.util.function.BiConsumer<T, String> name) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            T t = make.get();
            name.accept(t, t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-" + i);
            out.add(t);
        }
        return out;
    }
}
