package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.integer;
import static io.djorm.migrations.Fixtures.model;
import static io.djorm.migrations.Fixtures.rows;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --fake}, {@code --fake-initial} and {@code makemigrations --merge}, on every backend. */
class MigrateOptionsTest {
    @RegisterExtension static final EveryBackend BACKENDS = new EveryBackend();
    private static final RenameQuestioner NO_RENAMES = RenameQuestioner.hints(List.of(), false);
    @TempDir Path dir;

    private static List<ModelMeta> book(String... extraIntegers) {
        ModelMeta.Builder b = model("shop", "Book").field(chars("title", 100).build());
        for (String name : extraIntegers) b.field(integer(name).nullable(true).build());
        return List.of(b.build());
    }

    /** --fake records (and unrecords) migrations without touching the tables. */
    @OnEveryBackend
    void fakeRecordsWithoutRunning(String backend) {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            List<String> output = on.output();
            Migrations project = on.migrations(book());
            project.makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            project.migrate(Map.of(), true, false);
            assertThat(output).contains("  Applying shop.0001_initial... FAKED");
            assertThat(project.showMigrations()).containsExactly("shop", " [X] 0001_initial");
            assertThat(schema(db)).isEmpty();

            project.migrate(Map.of("shop", "zero"), true, false);
            assertThat(output).contains("  Unapplying shop.0001_initial... FAKED");
            assertThat(project.showMigrations()).containsExactly("shop", " [ ] 0001_initial");
            project.migrate(Map.of(), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(book()));
        }
    }

    /**
     * --fake-initial fakes an initial migration whose tables all exist and runs the rest; without it the
     * initial migration fails on the existing table and leaves everything as it was.
     */
    @OnEveryBackend
    void fakeInitialSkipsExistingTablesAndRunsTheRest(String backend) {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            List<String> output = on.output();
            on.migrations(book()).makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            Migrations project = on.migrations(book("pages"));
            project.makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            project.migrate(Map.of("shop", "0001"), false, false);
            db.update(Statement.of("INSERT INTO shop_book (title) VALUES ('Dune')"));
            // The table stays; the history is forgotten, as in a database made before the migrations were.
            project.migrate(Map.of("shop", "zero"), true, false);

            assertThatThrownBy(() -> project.migrate(Map.of(), false, false)).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("shop.0001_initial");
            assertThat(project.showMigrations()).containsExactly("shop", " [ ] 0001_initial", " [ ] 0002_book_pages");

            output.clear();
            project.migrate(Map.of(), false, true);
            assertThat(output).contains("  Applying shop.0001_initial... FAKED")
                    .anyMatch(l -> l.startsWith("  Applying shop.0002_book_pages... OK"));
            assertThat(project.showMigrations()).containsExactly("shop", " [X] 0001_initial", " [X] 0002_book_pages");
            assertThat(schema(db)).isEqualTo(schemaOf(book("pages")));
            assertThat(rows(db, "SELECT title, pages FROM shop_book")).containsExactly(java.util.Arrays.asList("Dune", null));
        }
    }

    /** Two branches from one migration conflict until makemigrations --merge joins them. */
    @OnEveryBackend
    void mergeJoinsConflictingLeaves(String backend) throws Exception {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            List<String> output = on.output();
            on.migrations(book()).makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            // Two developers each add a field on top of 0001.
            Path pages = on.migrations(book("pages")).makeMigrations(Set.of(), null, false, false, NO_RENAMES).get(0).file();
            Path aside = Files.move(pages, dir.resolve("aside.json"));
            on.migrations(book("edition")).makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            Files.move(aside, pages);

            Migrations both = on.migrations(book("pages", "edition"));
            assertThatThrownBy(() -> both.makeMigrations(Set.of(), null, false, false, NO_RENAMES))
                    .isInstanceOf(MigrationError.class).hasMessageContaining("Conflicting migrations in app 'shop'")
                    .hasMessageContaining("makemigrations --merge");
            List<Migrations.Made> merged = both.mergeMigrations(Set.of(), null, false);
            assertThat(merged).hasSize(1);
            assertThat(merged.get(0).file().getFileName().toString()).isEqualTo("0003_merge_0002_book_edition_0002_book_pages.json");
            assertThat(merged.get(0).descriptions()).containsExactly("Branch 0002_book_edition: Add field edition to book",
                    "Branch 0002_book_pages: Add field pages to book");
            assertThat(both.mergeMigrations(Set.of(), null, false)).isEmpty();

            both.migrate(Map.of(), false, false);
            // The branches run in name order: edition's column comes first.
            assertThat(schema(db)).isEqualTo(schemaOf(book("edition", "pages")));
            assertThat(both.makeMigrations(Set.of(), null, true, false, NO_RENAMES)).isEmpty();
            both.migrate(Map.of("shop", "0001"), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(book()));
            assertThat(output).noneMatch(l -> l.contains("FAILED"));
        }
    }
}
