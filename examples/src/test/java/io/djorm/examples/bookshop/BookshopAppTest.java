package io.djorm.examples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example app end to end on an embedded SQLite file and checks what it prints. */
class BookshopAppTest {
    @Test
    void theTourPrintsWhatItFinds(@TempDir Path dir) {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME",
                dir.resolve("shop.db").toString())), "INSTALLED_APPS", List.of("io.djorm.examples.bookshop")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new BookshopApp(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir.resolve("migrations")).run();
        } finally {
            Djorm.shutdown();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("$ orm makemigrations\nMigrations written:")
                .contains("bookshop/0001_initial.json")
                .contains("- Create model Author").contains("- Create model Book")
                .containsPattern("\\$ orm migrate\nRunning migrations:\n  Applying bookshop\\.0001_initial\\.\\.\\. OK \\(\\d+ ms\\)")
                .contains("Books in the catalogue: 5")
                .contains("   The Dispossessed (387 pages, $12.00)\n"
                        + "   The Left Hand of Darkness (304 pages, $11.50)\n"
                        + "   A Wizard of Earthsea (183 pages, $8.99)")
                .contains("-- In stock and under $11, or published before 1966 (Q objects):\n"
                        + "   A Wizard of Earthsea\n   Children of Dune\n   Dune\n")
                .contains("[{title=A Wizard of Earthsea, pages=183}, {title=Dune, pages=412}, "
                        + "{title=The Left Hand of Darkness, pages=304}]")
                .contains("   Frank Herbert: 2 books, average $10.49\n   Ursula K. Le Guin: 3 books, average $10.83\n")
                .contains("Copies in stock: 23, pages in the catalogue: 1730")
                .contains("Restocked 2 books")
                .contains("Transaction rolled back: UNIQUE constraint failed")
                .contains("Dune stock after the rolled-back sale: 7")
                .contains("Async: longest book Children of Dune; Frank Herbert wrote 2 of them")
                .containsPattern("Closest descriptions to \"spice on a desert planet\" \\(vector search\\):\n"
                        + "   0\\.\\d{3} (Dune|Children of Dune)\n   0\\.\\d{3} (Dune|Children of Dune)\n")
                .endsWith("== done\n");
    }

    @Test
    void theEnvironmentChoosesFileServerOrReplica() {
        assertThat(BookshopApp.settings(null, null, null).get("DATABASES").toString())
                .contains("ENGINE=libsql").contains("NAME=target/bookshop.db".replace('/', java.io.File.separatorChar));
        assertThat(BookshopApp.settings("libsql+http://127.0.0.1:8080", null, null))
                .containsEntry("DATABASE_URL", "libsql+http://127.0.0.1:8080");
        assertThat(BookshopApp.settings(" ", "http://127.0.0.1:8080", "T").get("DATABASES").toString())
                .contains("SYNC_URL=http://127.0.0.1:8080").contains("AUTH_TOKEN=T").contains("bookshop-replica.db");
    }
}
