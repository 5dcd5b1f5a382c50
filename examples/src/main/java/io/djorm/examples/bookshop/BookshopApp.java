package io.djorm.examples.bookshop;

import static io.djorm.core.expressions.F.F;

import io.djorm.core.Djorm;
import io.djorm.core.IntegrityError;
import io.djorm.core.Q;
import io.djorm.core.Transaction;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookshop: configures djorm, creates the schema, writes, queries and prints. Runs on an embedded
 * SQLite file by default; set {@code DATABASE_URL} (for example {@code http://127.0.0.1:8080} with
 * ENGINE libsql, or {@code libsql://...?authToken=...}) to run against a libSQL server instead.
 */
public final class BookshopApp {
    private final PrintStream out;

    /** An app that prints to the given stream. */
    public BookshopApp(PrintStream out) {
        this.out = out;
    }

    /** Runs the tour on the database named by DATABASE_URL, else on {@code target/bookshop.db}. */
    public static void main(String[] args) throws Exception {
        String url = System.getenv("DATABASE_URL");
        Map<String, Object> settings = new LinkedHashMap<>();
        if (url != null && !url.isBlank()) {
            settings.put("DATABASE_URL", url);
        } else {
            Path file = Path.of("target", "bookshop.db");
            Files.createDirectories(file.getParent());
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(file + suffix));
            settings.put("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", file.toString())));
        }
        settings.put("INSTALLED_APPS", List.of("io.djorm.examples.bookshop"));
        Djorm.configure(settings);
        try {
            new BookshopApp(System.out).run();
        } finally {
            Djorm.shutdown();
        }
    }

    /** The tour: schema, writes, queries, a transaction. */
    public void run() {
        out.println("== djorm bookshop on " + Djorm.connection());
        Djorm.connection().execute("DROP TABLE IF EXISTS \"bookshop_book\"");
        Djorm.connection().execute("DROP TABLE IF EXISTS \"bookshop_author\"");
        Djorm.connection().createTables(Author.class, Book.class);

        Author.objects().create("name", "Ursula K. Le Guin", "email", "ursula@example.com");
        Author.objects().create("name", "Frank Herbert");
        Book.objects().bulkCreate(List.of(
                book("A Wizard of Earthsea", "Ursula K. Le Guin", 183, "8.99", 1968, 12),
                book("The Left Hand of Darkness", "Ursula K. Le Guin", 304, "11.50", 1969, 3),
                book("The Dispossessed", "Ursula K. Le Guin", 387, "12.00", 1974, 0),
                book("Dune", "Frank Herbert", 412, "9.99", 1965, 7),
                book("Children of Dune", "Frank Herbert", 444, "10.99", 1976, 1)));
        out.println("Books in the catalogue: " + Book.objects().count());

        out.println("-- Le Guin's books, longest first:");
        Book.objects().filter("authorName__icontains", "le guin").orderBy("-pages")
                .forEach(b -> out.println("   " + b));

        out.println("-- In stock and under $11, or published before 1966:");
        Q cheapInStock = Q.of("stock__gt", 0, "price__lt", new BigDecimal("11"));
        Book.objects().filter(cheapInStock.or(Q.of("published__year__lt", 1966)))
                .forEach(b -> out.println("   " + b.title));

        out.println("-- Titles with 'Dune', as values():");
        out.println("   " + Book.objects().filter("title__contains", "Dune").values("title", "pages").list());

        long restocked = Book.objects().filter("stock__lt", 2).update("stock", F("stock").plus(10));
        out.println("Restocked " + restocked + " books with one UPDATE ... SET stock = stock + 10");

        try {
            Transaction.atomic(() -> {
                Book dune = Book.objects().get("title", "Dune");
                dune.stock -= 1;
                dune.save("stock");
                Author.objects().create("name", "Impostor", "email", "ursula@example.com"); // duplicate e-mail
            });
        } catch (IntegrityError e) {
            out.println("Transaction rolled back: " + e.getMessage().split(" \\[SQL")[0]);
        }
        out.println("Dune stock after the rolled-back sale: " + Book.objects().get("title", "Dune").stock);
        out.println("== done");
    }

    private static Book book(String title, String author, int pages, String price, int year, int stock) {
        Book b = new Book();
        b.title = title;
        b.authorName = author;
        b.pages = pages;
        b.price = new BigDecimal(price);
        b.published = LocalDate.of(year, 1, 1);
        b.stock = stock;
        return b;
    }
}
