package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.m2m;
import static io.djorm.migrations.Fixtures.model;
import static io.djorm.migrations.Fixtures.rows;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renaming a model renames the join-table columns named after it: of its own many-to-many fields
 * (including one to itself) and of those other models point at it, both ways, rows kept.
 */
class RenameModelJoinTablesTest extends MemorySqliteTest {
    @TempDir Path dir;
    private final List<String> output = new ArrayList<>();

    static List<ModelMeta> models(String bookName) {
        String book = "shop." + bookName;
        return List.of(
                model("shop", "Tag").field(chars("label", 30).build()).build(),
                model("shop", bookName).field(chars("title", 200).build())
                        .field(m2m("tags", "shop.Tag").build())
                        .field(m2m("similar", book).build()).build(),
                model("people", "Reader").field(chars("name", 50).build()).field(m2m("books", book).build()).build());
    }

    private Migrations project(List<ModelMeta> models) {
        return new Migrations(models, db, new SqliteDialect(), dir, output::add);
    }

    private void exec(String sql) {
        db.update(Statement.of(sql));
    }

    @Test
    void joinColumnsFollowTheModelNameBothWays() {
        RenameQuestioner hints = RenameQuestioner.hints(List.of("shop.Book=Volume"), false);
        project(models("Book")).makeMigrations(Set.of(), null, false, false, hints);
        project(models("Book")).migrate(Map.of(), false, false);
        exec("INSERT INTO shop_tag (label) VALUES ('scifi')");
        exec("INSERT INTO shop_book (title) VALUES ('Dune'), ('Emma')");
        exec("INSERT INTO people_reader (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book_tags (book_id, tag_id) VALUES (1, 1)");
        exec("INSERT INTO shop_book_similar (from_book_id, to_book_id) VALUES (1, 2)");
        exec("INSERT INTO people_reader_books (reader_id, book_id) VALUES (1, 2)");

        assertThat(project(models("Volume")).makeMigrations(Set.of(), null, false, false, hints))
                .flatExtracting(Migrations.Made::descriptions).containsExactly("Rename model Book to Volume");
        project(models("Volume")).migrate(Map.of(), false, false);
        assertThat(schema(db)).isEqualTo(schemaOf(models("Volume")));
        assertThat(rows(db, "SELECT volume_id, tag_id FROM shop_volume_tags")).containsExactly(List.of(1L, 1L));
        assertThat(rows(db, "SELECT from_volume_id, to_volume_id FROM shop_volume_similar")).containsExactly(List.of(1L, 2L));
        assertThat(rows(db, "SELECT reader_id, volume_id FROM people_reader_books")).containsExactly(List.of(1L, 2L));
        assertThat(rows(db, "PRAGMA foreign_key_check")).isEmpty();

        project(models("Volume")).migrate(Map.of("shop", "0001_initial"), false, false);
        assertThat(schema(db)).isEqualTo(schemaOf(models("Book")));
        assertThat(rows(db, "SELECT from_book_id, to_book_id FROM shop_book_similar")).containsExactly(List.of(1L, 2L));
        assertThat(rows(db, "SELECT reader_id, book_id FROM people_reader_books")).containsExactly(List.of(1L, 2L));
        assertThat(rows(db, "SELECT book_id, tag_id FROM shop_book_tags")).containsExactly(List.of(1L, 1L));
        assertThat(output).noneMatch(l -> l.contains("FAILED"));
    }
}
