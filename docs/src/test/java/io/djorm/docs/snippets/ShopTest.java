package io.djorm.docs.snippets;

import io.djorm.core.Djorm;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Publisher;
import io.djorm.docs.shop.Tag;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the snippet tests that need the shop: a fresh SQLite file with the shop's tables and a
 * few rows, so each snippet runs against a real database and its results can be asserted.
 */
abstract class ShopTest {
    @TempDir
    Path dir;

    @BeforeEach
    void openShop() {
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("shop.db").toString())),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        Djorm.connection().createTables(Author.class, Publisher.class, Tag.class, Book.class);
        seed();
    }

    @AfterEach
    void closeShop() {
        Djorm.shutdown();
    }

    // region shop-rows
    /** Two authors, one publisher, two tags and four books. */
    static void seed() {
        Author leGuin = Author.objects().create("name", "Ursula K. Le Guin", "email", "ursula@example.com");
        Author herbert = Author.objects().create("name", "Frank Herbert");
        Publisher ace = Publisher.objects().create("name", "Ace");
        Tag sf = Tag.objects().create("name", "sf");
        Tag classic = Tag.objects().create("name", "classic");
        book("A Wizard of Earthsea", leGuin, null, 183, "8.99", 1968, sf, classic);
        book("The Dispossessed", leGuin, null, 387, "12.00", 1974, sf);
        book("Dune", herbert, ace, 412, "9.99", 1965, sf, classic);
        book("Children of Dune", herbert, ace, 444, "10.99", 1976, sf);
    }

    private static void book(String title, Author author, Publisher publisher, int pages, String price, int year,
                             Tag... tags) {
        Book b = new Book();
        b.title = title;
        b.author.set(author);
        if (publisher != null) b.publisher.set(publisher);
        b.pages = pages;
        b.price = new BigDecimal(price);
        b.published = LocalDate.of(year, 1, 1);
        b.save();
        b.tags.add(tags);
    }
    // endregion shop-rows
}
