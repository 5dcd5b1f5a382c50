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
            new BookshopApp(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        } finally {
            Djorm.shutdown();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Books in the catalogue: 5")
                .contains("   The Dispossessed (Ursula K. Le Guin, 387 pages, $12.00)\n"
                        + "   The Left Hand of Darkness (Ursula K. Le Guin, 304 pages, $11.50)\n"
                        + "   A Wizard of Earthsea (Ursula K. Le Guin, 183 pages, $8.99)")
                .contains("-- In stock and under $11, or published before 1966:\n   A Wizard of Earthsea\n   Children of Dune\n   Dune\n")
                .contains("[{title=Children of Dune, pages=444}, {title=Dune, pages=412}]")
                .contains("Restocked 2 books")
                .contains("Transaction rolled back: UNIQUE constraint failed")
                .contains("Dune stock after the rolled-back sale: 7")
                .endsWith("== done\n");
    }
}
