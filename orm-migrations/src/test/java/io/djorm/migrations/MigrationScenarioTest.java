package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.fk;
import static io.djorm.migrations.Fixtures.integer;
import static io.djorm.migrations.Fixtures.m2m;
import static io.djorm.migrations.Fixtures.model;
import static io.djorm.migrations.Fixtures.rows;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change the models, make migrations, migrate, and compare the database with the models. */
class MigrationScenarioTest extends MemorySqliteTest {
    private final SqliteDialect dialect = new SqliteDialect();
    private final List<String> output = new ArrayList<>();
    @TempDir Path dir;

    static List<ModelMeta> v1() {
        ModelMeta author = model("people", "Author").field(chars("name", 100).build()).build();
        ModelMeta tag = model("shop", "Tag").field(chars("label", 30).unique(true).build()).build();
        ModelMeta book = model("shop", "Book").field(chars("title", 200).build())
                .field(integer("pages").defaultValue(0, "0").build())
                .field(fk("author", "people.Author").build())
                .field(m2m("tags", "shop.Tag").build()).build();
        return List.of(author, tag, book);
    }

    /** Every kind of change at once: rename model and field, add, alter, remove, index, constraint, table. */
    static List<ModelMeta> v2() {
        ModelMeta writer = model("people", "Writer").field(chars("name", 100).build()).build();
        ModelMeta tag = model("shop", "Tag").dbTable("tags").field(chars("label", 30).unique(true).build()).build();
        ModelMeta book = model("shop", "Book").field(chars("heading", 250).build())
                .field(integer("pages").defaultValue(1, "1").build())
                .field(fk("author", "people.Writer").build())
                .field(m2m("tags", "shop.Tag").build())
                .field(chars("isbn", 13).nullable(true).build())
                .index(new IndexMeta("book_pages_idx", List.of("-pages"), false))
                .uniqueTogether(List.of("heading", "author"))
                .constraint(new ConstraintMeta("pages_positive", ConstraintMeta.Kind.CHECK, List.of(), List.of("pages__gte=0")))
                .build();
        return List.of(writer, tag, book);
    }

    private Migrations project(List<ModelMeta> models) {
        return new Migrations(models, db, dialect, dir, output::add);
    }

    private static RenameQuestioner hints(String... hints) {
        return RenameQuestioner.hints(List.of(hints), false);
    }

    private void exec(String sql) {
        db.update(Statement.of(sql));
    }

    @Test
    void fullLifecycleKeepsSchemaAndDataInStepWithTheModels() throws Exception {
        List<Migrations.Made> first = project(v1()).makeMigrations(Set.of(), null, false, false, hints());
        assertThat(first).extracting(m -> dir.relativize(m.file()).toString().replace('\\', '/'))
                .containsExactly("people/0001_initial.json", "shop/0001_initial.json");
        String shopInitial = Files.readString(dir.resolve("shop/0001_initial.json"));
        assertThat(shopInitial).contains("\"dependencies\" : [\n    [\n      \"people\",\n      \"0001_initial\"\n    ]\n  ]")
                .contains("\"op\" : \"CreateModel\"");
        // byte-identical on a second run from scratch
        Path other = Files.createTempDirectory("again");
        new Migrations(v1(), null, dialect, other, s -> { }).makeMigrations(Set.of(), null, false, false, hints());
        assertThat(Files.readString(other.resolve("shop/0001_initial.json"))).isEqualTo(shopInitial);

        project(v1()).migrate(Map.of(), false, false);
        assertThat(output).anyMatch(l -> l.matches("  Applying people\\.0001_initial\\.\\.\\. OK \\(\\d+ ms\\)"))
                .anyMatch(l -> l.startsWith("  Applying shop.0001_initial... OK"));
        assertThat(schema(db)).isEqualTo(schemaOf(v1()));
        assertThat(project(v1()).makeMigrations(Set.of(), null, true, false, hints())).isEmpty();

        exec("INSERT INTO people_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_tag (label) VALUES ('scifi')");
        exec("INSERT INTO shop_book (title, pages, author_id) VALUES ('Dune', 412, 1)");
        exec("INSERT INTO shop_book_tags (book_id, tag_id) VALUES (1, 1)");

        assertThatThrownBy(() -> project(v2()).makeMigrations(Set.of(), null, false, false, hints()))
                .isInstanceOf(MigrationError.class).hasMessageContaining("--rename");
        List<Migrations.Made> second = project(v2()).makeMigrations(Set.of(), null, false, false,
                hints("people.Author=Writer", "shop.Book.title=heading"));
        assertThat(second).flatExtracting(Migrations.Made::descriptions).contains(
                "Rename model Author to Writer", "Rename field title on book to heading", "Add field isbn to book",
                "Alter field pages on book", "Create index book_pages_idx on book", "Create constraint pages_positive on model book",
                "Rename table for Tag to tags");
        project(v2()).migrate(Map.of(), false, false);
        assertThat(schema(db)).isEqualTo(schemaOf(v2()));
        assertThat(rows(db, "SELECT b.heading, b.pages, w.name FROM shop_book b JOIN people_writer w ON w.id = b.author_id"))
                .containsExactly(List.of("Dune", 412L, "Ann"));
        assertThat(rows(db, "SELECT count(*) FROM shop_book_tags")).containsExactly(List.of(1L));
        assertThat(project(v2()).makeMigrations(Set.of(), null, true, false, hints())).isEmpty();
        assertThat(rows(db, "PRAGMA foreign_key_check")).isEmpty();

        // back to the first state: renames are undone with the data kept
        project(v2()).migrate(new LinkedHashMap<>(Map.of("shop", "0001", "people", "0001")), false, false);
        assertThat(schema(db)).isEqualTo(schemaOf(v1()));
        assertThat(rows(db, "SELECT b.title, a.name FROM shop_book b JOIN people_author a ON a.id = b.author_id"))
                .containsExactly(List.of("Dune", "Ann"));

        project(v2()).migrate(new LinkedHashMap<>(Map.of("shop", "zero", "people", "zero")), false, false);
        assertThat(schema(db).keySet()).isEmpty();
        assertThat(project(v2()).showMigrations()).containsExactly("people", " [ ] 0001_initial", " [ ] 0002_rename_author_writer",
                "shop", " [ ] 0001_initial", " [ ] 0002_auto");
    }
}
