package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.docs.snippets.shop.Book;
import io.djorm.migrations.Migrations;
import io.djorm.migrations.OrmCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk-through of docs/migrations.md, run with the orm command on a SQLite file. */
class MigrationsSnippetsTest {
    @TempDir
    Path dir;

    @Test
    void theWalkthroughModelMigrates() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite",
                "NAME", dir.resolve("db.sqlite3").toString()))));
        StringWriter text = new StringWriter();
        Database db = Djorm.database("default");
        try (Connection connection = db.connect()) {
            Path migrations = dir.resolve("migrations");
            var project = (java.util.function.Function<java.util.function.Consumer<String>, Migrations>) out ->
                    new Migrations(List.of(Apps.meta(Book.class)), connection, db.dialect(), migrations, out);
            assertThat(OrmCommand.run(project, new PrintWriter(text), "makemigrations")).isZero();
            assertThat(OrmCommand.run(project, new PrintWriter(text), "migrate")).isZero();
        } finally {
            Djorm.shutdown();
        }
        assertThat(text.toString()).contains("shop/0001_initial.json").contains("- Create model Book")
                .containsPattern("Applying shop\\.0001_initial\\.\\.\\. OK \\(\\d+ ms\\)");
    }
}
