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

/** The snippets of docs/getting-started.md, run in order on a file under target/. */
class GettingStartedSnippetsTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void shutdown() {
        Djorm.shutdown();
    }

    @Test
    void firstSteps() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of("target/shop.db" + suffix));
        Files.createDirectories(Path.of("target"));

        // region getting-started-configure
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "target/shop.db")),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        // endregion getting-started-configure

        // region getting-started-create-tables
        Djorm.connection().createTables(Author.class, Publisher.class, Tag.class, Book.class);
        // endregion getting-started-create-tables

        // region getting-started-write
        Author herbert = Author.objects().create("name", "Frank Herbert");

        Book dune = new Book();
        dune.title = "Dune";
        dune.pages = 412;
        dune.price = new BigDecimal("9.99");
        dune.author.set(herbert);
        dune.save();                              // INSERT; dune.pk() is now set

        dune.price = new BigDecimal("8.99");
        dune.save("price");                       // UPDATE of one column
        // endregion getting-started-write

        // region getting-started-read
        Book found = Book.objects().get("title", "Dune");
        out.println(found.title + " by " + found.author.get().name + ", $" + found.price);

        long longBooks = Book.objects().filter("pages__gt", 300).count();
        out.println(longBooks + " long book(s)");

        for (Book b : Book.objects().filter("author__name__startswith", "Frank").orderBy("-pages")) {
            out.println(b.title);
        }
        // endregion getting-started-read

        assertThat(dune.pk()).isNotNull();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("Dune by Frank Herbert, $8.99\n1 long book(s)\nDune\n");
        assertThat(Path.of("target/shop.db")).exists();
    }
}
