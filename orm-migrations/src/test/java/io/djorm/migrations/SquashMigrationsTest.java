package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.rows;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** squashmigrations on the eight-step {@link Evolution}: optimised like Django's, shown and migrated like Django's. */
class SquashMigrationsTest {
    @RegisterExtension static final EveryBackend BACKENDS = new EveryBackend();
    @TempDir Path dir;
    private final List<String> output = new ArrayList<>();

    /** Django 3.2's MigrationOptimizer gives these three operations (parity/django/squash/optimize.py). */
    @Test
    void squashingTheWholeEvolutionGivesDjangosThreeCreateModels() throws Exception {
        Evolution.write(models -> new Migrations(models, null, new io.djorm.sqlite.SqliteDialect(), dir, output::add));
        Path squashed = new Migrations(Evolution.step(8), null, new io.djorm.sqlite.SqliteDialect(), dir, output::add)
                .squashMigrations("shop", null, "0008", null);
        JsonNode file = new ObjectMapper().readTree(squashed.toFile());
        List<String> described = new ArrayList<>();
        for (JsonNode op : file.get("operations")) {
            StringBuilder line = new StringBuilder(op.get("op").asText() + " " + op.get("name").asText() + ":");
            op.get("fields").forEach(f -> line.append(' ').append(f.get("name").asText()));
            if (op.has("unique_together")) line.append("; unique_together ").append(op.get("unique_together"));
            described.add(line.toString());
        }
        assertThat(described).containsExactly(
                "CreateModel Author: id name",
                "CreateModel Publisher: id name city",
                "CreateModel Book: id title author length publisher; unique_together [[\"title\",\"author\"]]");
        assertThat(file.get("replaces")).hasSize(8);
    }

    /**
     * A database at 0008, squash 0001-0004 afterwards: the squash shows as applied, and migrating to it
     * unapplies 0008 to 0005 (it does not run the squash again). A fresh database then runs the squash
     * and lands on the same schema.
     */
    @OnEveryBackend
    void squashCountsAsAppliedAndIsAValidTarget(String backend) {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            List<String> output = on.output();
            Evolution.write(on::migrations);
            Migrations latest = on.migrations(Evolution.step(8));
            latest.migrate(Map.of(), false, false);
            db.update(Statement.of("INSERT INTO shop_author (name) VALUES ('Ann')"));
            db.update(Statement.of("INSERT INTO shop_book (title, author_id, length) VALUES ('Dune', 1, 412)"));

            latest.squashMigrations("shop", null, "0004", null);
            assertThat(latest.showMigrations()).containsExactly("shop", " [X] 0001_squashed_0004", " [X] 0005_rename_pages_book_length",
                    " [X] 0006_author_email", " [X] 0007_remove_author_email", " [X] 0008_publisher_city_alter_book_unique_together");

            output.clear();
            latest.migrate(Map.of("shop", "0001_squashed_0004"), false, false);
            assertThat(output).extracting(l -> l.replaceAll("\\.\\.\\. .*", "")).containsExactly("Running migrations:",
                    "  Unapplying shop.0008_publisher_city_alter_book_unique_together", "  Unapplying shop.0007_remove_author_email",
                    "  Unapplying shop.0006_author_email", "  Unapplying shop.0005_rename_pages_book_length");
            assertThat(output).noneMatch(l -> l.contains("Applying shop.0001_squashed_0004"));
            assertThat(schema(db)).isEqualTo(schemaOf(Evolution.step(4)));
            assertThat(rows(db, "SELECT title, pages FROM shop_book")).containsExactly(List.of("Dune", 412L));
            assertThat(latest.showMigrations()).containsExactly("shop", " [X] 0001_squashed_0004", " [ ] 0005_rename_pages_book_length",
                    " [ ] 0006_author_email", " [ ] 0007_remove_author_email", " [ ] 0008_publisher_city_alter_book_unique_together");

            latest.migrate(Map.of("shop", "zero"), false, false);
            assertThat(schema(db)).isEmpty();
            assertThat(latest.showMigrations()).contains(" [ ] 0001_squashed_0004");
            // From nothing, the squash runs in place of 0001-0004 and records them, as Django does.
            latest.migrate(Map.of(), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(Evolution.step(8)));
            assertThat(rows(db, "SELECT name FROM djorm_migrations WHERE app = 'shop' ORDER BY id")).extracting(r -> r.get(0))
                    .containsExactly("0001_initial", "0002_book_pages", "0003_publisher_book_publisher", "0004_alter_book_title",
                            "0005_rename_pages_book_length", "0006_author_email", "0007_remove_author_email", "0008_publisher_city_alter_book_unique_together");
            assertThat(output).noneMatch(l -> l.contains("FAILED"));
        }
    }

    /** Only part of a squash's range applied: the original migrations are used, and the squash is not shown. */
    @Test
    void aPartlyAppliedSquashGivesWayToTheMigrationsItReplaces() throws Exception {
        try (Connection db = Fixtures.memory()) {
            var dialect = new io.djorm.sqlite.SqliteDialect();
            Evolution.write(models -> new Migrations(models, db, dialect, dir, output::add));
            Migrations latest = new Migrations(Evolution.step(8), db, dialect, dir, output::add);
            latest.migrate(Map.of("shop", "0002"), false, false);
            latest.squashMigrations("shop", null, "0004", null);
            assertThat(latest.showMigrations()).startsWith("shop", " [X] 0001_initial", " [X] 0002_book_pages", " [ ] 0003_publisher_book_publisher");
            latest.migrate(Map.of(), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(Evolution.step(8)));
            assertThat(latest.showMigrations()).contains(" [X] 0001_squashed_0004");
            assertThat(Files.list(dir.resolve("shop"))).hasSize(9);
        }
    }
}
