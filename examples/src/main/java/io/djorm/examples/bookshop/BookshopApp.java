package io.djorm.examples.bookshop;

import static io.djorm.core.expressions.F.F;

import io.djorm.async.Async;
import io.djorm.core.Djorm;
import io.djorm.vector.CosineDistance;
import io.djorm.core.IntegrityError;
import io.djorm.core.Q;
import io.djorm.core.Transaction;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Sum;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.migrations.Migrations;
import io.djorm.migrations.OrmCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The bookshop: migrates its schema, writes, queries across relations, aggregates, runs a transaction,
 * makes async calls and searches book descriptions by similarity, printing what it finds.
 *
 * <p>Runs on an embedded SQLite file ({@code target/bookshop.db}) by default. With {@code DATABASE_URL}
 * set (such as {@code libsql+http://127.0.0.1:8080} or {@code libsql://db.turso.io?authToken=...}) it
 * runs on that server; with {@code SYNC_URL} set it runs as an embedded replica of that server in
 * {@code target/bookshop-replica.db}.
 */
public final class BookshopApp {
    private static final List<String> TABLES = List.of("bookshop_book_tags", "bookshop_book", "bookshop_tag",
            "bookshop_author", "djorm_migrations");
    private final PrintStream out;
    private final Path migrationsDir;

    /**
     * An app that prints to {@code out} and writes its migration files under {@code migrationsDir}.
     */
    public BookshopApp(PrintStream out, Path migrationsDir) {
        this.out = out;
        this.migrationsDir = migrationsDir;
    }

    /** Runs the tour on the database the environment names (see the class documentation). */
    public static void main(String[] args) {
        Djorm.configure(settings(System.getenv("DATABASE_URL"), System.getenv("SYNC_URL"), System.getenv("AUTH_TOKEN")));
        try {
            new BookshopApp(System.out, Path.of("target", "bookshop-migrations")).run();
        } finally {
            Djorm.shutdown();
        }
        System.exit(0); // the async workers' threads would keep exec:java waiting
    }

    /** The settings for a server URL, an embedded replica of a server, or (neither set) a local file. */
    static Map<String, Object> settings(String databaseUrl, String syncUrl, String authToken) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            settings.put("DATABASE_URL", databaseUrl);
        } else {
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("ENGINE", "libsql");
            boolean replica = syncUrl != null && !syncUrl.isBlank();
            Path file = Path.of("target", replica ? "bookshop-replica.db" : "bookshop.db");
            deleteDatabaseFile(file);
            db.put("NAME", file.toString());
            if (replica) db.put("SYNC_URL", syncUrl);
            if (authToken != null && !authToken.isBlank()) db.put("AUTH_TOKEN", authToken);
            settings.put("DATABASES", Map.of("default", db));
        }
        settings.put("INSTALLED_APPS", List.of("io.djorm.examples.bookshop"));
        return settings;
    }

    /** The tour. */
    public void run() {
        out.println("== djorm bookshop on " + Djorm.connection());
        migrate();
        stock();
        queries();
        transaction();
        async();
        similaritySearch();
        out.println("== done");
    }

    /** Drops what an earlier run left, then makemigrations and migrate, as the orm command prints them. */
    private void migrate() {
        for (String table : TABLES) Djorm.connection().execute("DROP TABLE IF EXISTS \"" + table + "\"");
        deleteTree(migrationsDir);
        Database db = Djorm.database("default");
        try (Connection connection = db.connect()) {
            Function<Consumer<String>, Migrations> project = lines -> new Migrations(
                    Djorm.apps().models("bookshop"), connection, db.dialect(), migrationsDir, lines);
            PrintWriter cli = new PrintWriter(out, true, StandardCharsets.UTF_8);
            for (String command : List.of("makemigrations", "migrate")) {
                out.println("$ orm " + command);
                if (OrmCommand.run(project, cli, command) != 0) {
                    throw new IllegalStateException("orm " + command + " failed; see the output above.");
                }
            }
        }
    }

    private void stock() {
        Author leGuin = Author.objects().create("name", "Ursula K. Le Guin", "email", "ursula@example.com");
        Author herbert = Author.objects().create("name", "Frank Herbert");
        Tag sf = Tag.objects().create("name", "sf");
        Tag classic = Tag.objects().create("name", "classic");
        book("A Wizard of Earthsea", leGuin, 183, "8.99", 1968, 12,
                "A young wizard on an island archipelago learns magic and the true names of dragons", sf, classic);
        book("The Left Hand of Darkness", leGuin, 304, "11.50", 1969, 3,
                "An envoy on a frozen planet of ambisexual people crosses the ice with an exile", sf, classic);
        book("The Dispossessed", leGuin, 387, "12.00", 1974, 0,
                "A physicist leaves his anarchist moon for the rich planet that exiled his people", sf);
        book("Dune", herbert, 412, "9.99", 1965, 7,
                "A noble family takes the desert planet Arrakis, home of the spice and the giant sandworms", sf, classic);
        book("Children of Dune", herbert, 444, "10.99", 1976, 1,
                "The twins of Paul Atreides inherit the desert planet, its spice and its prophecy", sf);
        out.println("Books in the catalogue: " + Book.objects().count());
    }

    private void queries() {
        out.println("-- Le Guin's books, longest first (a filter across the author relation):");
        Book.objects().filter("author__name__icontains", "le guin").orderBy("-pages")
                .forEach(b -> out.println("   " + b));

        out.println("-- In stock and under $11, or published before 1966 (Q objects):");
        Q cheapInStock = Q.of("stock__gt", 0, "price__lt", new BigDecimal("11"));
        Book.objects().filter(cheapInStock.or(Q.of("published__year__lt", 1966)))
                .forEach(b -> out.println("   " + b.title));

        out.println("-- Classics (across the many-to-many tags), as values():");
        out.println("   " + Book.objects().filter("tags__name", "classic").values("title", "pages").list());

        out.println("-- Books and average price per author (annotate):");
        Author.objects().annotate("bookCount", new Count("books")).annotate("avgPrice", new Avg("books__price"))
                .orderBy("name").forEach(a -> out.printf("   %s: %s books, average $%.2f%n",
                        a.name, a.annotation("bookCount"), ((Number) a.annotation("avgPrice")).doubleValue()));

        Map<String, Object> totals = Book.objects().aggregate("copies", new Sum("stock"), "pages", new Sum("pages"));
        out.println("Copies in stock: " + totals.get("copies") + ", pages in the catalogue: " + totals.get("pages"));

        long restocked = Book.objects().filter("stock__lt", 2).update("stock", F("stock").plus(10));
        out.println("Restocked " + restocked + " books with one UPDATE ... SET stock = stock + 10");
    }

    private void transaction() {
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
    }

    private void async() {
        CompletableFuture<String> longest = Async.of(Book.objects().orderBy("-pages")).firstAsync()
                .thenApply(b -> b.orElseThrow().title);
        CompletableFuture<Long> herbert = Async.of(Author.objects()).getAsync("name", "Frank Herbert")
                .thenCompose(a -> Async.of(Book.objects().filter("author", a)).countAsync());
        out.println("Async: longest book " + longest.join() + "; Frank Herbert wrote " + herbert.join() + " of them");
    }

    private void similaritySearch() {
        String question = "spice on a desert planet";
        out.println("-- Closest descriptions to \"" + question + "\" (vector search):");
        Book.objects().annotate("distance", new CosineDistance("embedding", Embeddings.of(question)))
                .orderBy("distance").limit(2)
                .forEach(b -> out.printf("   %.3f %s%n", ((Number) b.annotation("distance")).doubleValue(), b.title));
    }

    private static void book(String title, Author author, int pages, String price, int year, int stock,
                             String description, Tag... tags) {
        Book b = new Book();
        b.title = title;
        b.author.set(author);
        b.pages = pages;
        b.price = new BigDecimal(price);
        b.published = LocalDate.of(year, 1, 1);
        b.stock = stock;
        b.description = description;
        b.embedding = Embeddings.of(description);
        b.save();
        b.tags.add(tags);
    }

    private static void deleteDatabaseFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(file + suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
