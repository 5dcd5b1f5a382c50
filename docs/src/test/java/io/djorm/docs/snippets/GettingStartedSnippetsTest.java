package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Publisher;
import io.djorm.docs.shop.Tag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The program of docs/getting-started.md, run twice on the same file under target/: a reader runs it
 * again, and the second run must work and print the same.
 */
class GettingStartedSnippetsTest {
    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    @Test
    void theProgramRunsTwiceOnTheSameFile() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of("target/shop.db" + suffix));
        Files.createDirectories(Path.of("target"));

        for (int run = 1; run <= 2; run++) {
            assertThat(printedBy(GettingStartedSnippetsTest::program)).as("run " + run)
                    .isEqualTo("Dune by Frank Herbert, $8.99\n1 long book(s)\nDune\n");
            Djorm.configure(settings());
            assertThat(Author.objects().count()).as("authors after run " + run).isEqualTo(1);
            assertThat(Book.objects().count()).as("books after run " + run).isEqualTo(1);
            Djorm.shutdown();
        }
        assertThat(Path.of("target/shop.db")).exists();
    }

    /** The guide's steps, in the order the page shows them. */
    static void program() {
        // region getting-started-configure
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "target/shop.db")),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        // endregion getting-started-configure

        // region getting-started-create-tables
        Djorm.connection().createTables(Author.class, Publisher.class, Tag.class, Book.class);
        // endregion getting-started-create-tables

        // region getting-started-write
        Author herbert = Author.objects().getOrCreate(Map.of("name", "Frank Herbert")).object();

        if (!Book.objects().filter("title", "Dune").exists()) {
            Book book = new Book();
            book.title = "Dune";
            book.pages = 412;
            book.price = new BigDecimal("9.99");
            book.author.set(herbert);
            book.save();                          // INSERT; book.pk() is now set
        }

        Book dune = Book.objects().get("title", "Dune");
        dune.price = new BigDecimal("8.99");
        dune.save("price");                       // UPDATE of one column
        // endregion getting-started-write

        // region getting-started-read
        Book found = Book.objects().get("title", "Dune");
        System.out.println(found.title + " by " + found.author.get().name + ", $" + found.price);

        long longBooks = Book.objects().filter("pages__gt", 300).count();
        System.out.println(longBooks + " long book(s)");

        for (Book b : Book.objects().filter("author__name__startswith", "Frank").orderBy("-pages")) {
            System.out.println(b.title);
        }
        // endregion getting-started-read

        // region getting-started-shutdown
        Djorm.shutdown();                         // closes the connections; the program can exit
        // endregion getting-started-shutdown
    }

    private static Map<String, Object> settings() {
        return Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "target/shop.db")),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop"));
    }

    private static String printedBy(Runnable program) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
