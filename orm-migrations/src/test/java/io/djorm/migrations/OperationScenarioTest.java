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

import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario per operation, on every backend: from models A, make and apply the initial migration;
 * write rows; change the models to B, make the migration (the expected operation, with renames
 * confirmed), apply it and compare the introspected schema with what B declares; check the rows; then
 * migrate back (schema of A, same rows) and to zero (an empty database). After each migrate,
 * makemigrations finds no changes.
 */
class OperationScenarioTest {
    @RegisterExtension static final EveryBackend BACKENDS = new EveryBackend();
    private static final List<String> TITLES = List.of("Dune", "Emma", "Ubik");

    @TempDir Path dir;

    /** A change of models: from {@code a} to {@code b}, the operation it should make, where the books end up. */
    record Change(String operation, List<ModelMeta> a, List<ModelMeta> b, List<String> renames, String bookTable,
                  String titleColumn) {
        @Override
        public String toString() {
            return operation;
        }
    }

    static ModelMeta author() {
        return model("people", "Author").field(chars("name", 100).build()).build();
    }

    static ModelMeta tag() {
        return model("shop", "Tag").field(chars("label", 30).unique(true).build()).build();
    }

    static ModelMeta.Builder book() {
        return book("Book");
    }

    static ModelMeta.Builder book(String name) {
        return model("shop", name).field(chars("title", 200).build())
                .field(integer("pages").defaultValue(0, "0").build())
                .field(fk("author", "people.Author").build());
    }

    private static List<ModelMeta> base() {
        return List.of(author(), book().build());
    }

    private static List<ModelMeta> withBook(UnaryOperator<ModelMeta.Builder> change, ModelMeta... more) {
        List<ModelMeta> models = new ArrayList<>(List.of(author(), change.apply(book()).build()));
        models.addAll(List.of(more));
        return models;
    }

    private static Change change(String operation, List<ModelMeta> a, List<ModelMeta> b) {
        return new Change(operation, a, b, List.of(), "shop_book", "title");
    }

    static List<Change> changes() {
        IndexMeta pagesIndex = new IndexMeta("book_pages_idx", List.of("-pages"), false);
        ConstraintMeta check = new ConstraintMeta("pages_positive", ConstraintMeta.Kind.CHECK, List.of(), List.of("pages__gte=0"));
        ConstraintMeta unique = new ConstraintMeta("one_title_per_author", ConstraintMeta.Kind.UNIQUE,
                List.of("title", "author"), List.of());
        return List.of(
                change("Create model Tag", base(), withBook(b -> b, tag())),
                change("Delete model Tag", withBook(b -> b, tag()), base()),
                new Change("Rename model Book to Volume", base(), List.of(author(), book("Volume").build()), List.of("shop.Book=Volume"), "shop_volume", "title"),
                change("Add field isbn to book", base(), withBook(b -> b.field(chars("isbn", 13).nullable(true).build()))),
                change("Add field isbn to book", base(),
                        withBook(b -> b.field(chars("isbn", 13).nullable(true).unique(true).build()))),
                change("Add field edition to book", base(),
                        withBook(b -> b.field(integer("edition").defaultValue(1, "1").build()))),
                change("Remove field isbn from book", withBook(b -> b.field(chars("isbn", 13).nullable(true).build())), base()),
                change("Alter field title on book", base(),
                        withBook(b -> b.replaceField("title", chars("title", 250).nullable(true).build()))),
                change("Alter field pages on book", base(),
                        withBook(b -> b.replaceField("pages", integer("pages").nullable(true).dbIndex(true).build()))),
                change("Alter field author on book", base(),
                        withBook(b -> b.replaceField("author", fk("author", "people.Author").nullable(true).build()))),
                new Change("Rename field title on book to heading", base(),
                        withBook(b -> b.replaceField("title", chars("heading", 200).build())),
                        List.of("shop.Book.title=heading"), "shop_book", "heading"),
                change("Create index book_pages_idx on book", base(), withBook(b -> b.index(pagesIndex))),
                change("Remove index book_pages_idx from book", withBook(b -> b.index(pagesIndex)), base()),
                change("Create constraint pages_positive on model book", base(), withBook(b -> b.constraint(check))),
                change("Create constraint one_title_per_author on model book", base(), withBook(b -> b.constraint(unique))),
                change("Remove constraint pages_positive from model book", withBook(b -> b.constraint(check)), base()),
                change("Alter unique_together for book (1 constraint(s))", base(),
                        withBook(b -> b.uniqueTogether(List.of("title", "author")))),
                new Change("Rename table for Book to books", base(), withBook(b -> b.dbTable("books")), List.of(), "books",
                        "title"),
                change("Add field tags to book", withBook(b -> b, tag()), withBook(b -> b.field(m2m("tags", "shop.Tag").build()),
                        tag())),
                new Change("Rename model Book to Volume", withBook(b -> b.field(m2m("tags", "shop.Tag").build()), tag()),
                        List.of(author(), book("Volume").field(m2m("tags", "shop.Tag").build()).build(), tag()),
                        List.of("shop.Book=Volume"), "shop_volume", "title"),
                new Change("Rename table for Book to books", withBook(b -> b.field(m2m("tags", "shop.Tag").build()), tag()),
                        withBook(b -> b.dbTable("books").field(m2m("tags", "shop.Tag").build()), tag()), List.of(), "books",
                        "title"));
    }

    static Stream<Arguments> cases() {
        return EveryBackend.names().stream().flatMap(backend -> changes().stream().map(c -> Arguments.of(backend, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void changeAppliesAndReverts(String backend, Change change) {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            RenameQuestioner hints = RenameQuestioner.hints(change.renames(), false);
            Migrations before = on.migrations(change.a());
            before.makeMigrations(Set.of(), null, false, false, hints);
            before.migrate(Map.of(), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(change.a()));
            for (int i = 0; i < TITLES.size(); i++) {
                db.update(new Statement("INSERT INTO people_author (name) VALUES (?)", List.of("author " + i)));
                db.update(new Statement("INSERT INTO shop_book (title, pages, author_id) VALUES (?, ?, ?)",
                        List.of(TITLES.get(i), 100 + i, i + 1)));
            }

            Migrations after = on.migrations(change.b());
            List<Migrations.Made> made = after.makeMigrations(Set.of(), null, false, false, hints);
            assertThat(made).flatExtracting(Migrations.Made::descriptions).containsExactly(change.operation());
            after.migrate(Map.of(), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(change.b()));
            assertThat(rows(db, "SELECT \"" + change.titleColumn() + "\" FROM \"" + change.bookTable() + "\" ORDER BY id"))
                    .extracting(r -> r.get(0)).containsExactlyElementsOf(TITLES);
            assertThat(rows(db, "SELECT count(*) FROM people_author")).containsExactly(List.of(3L));
            assertThat(after.makeMigrations(Set.of(), null, true, false, hints)).isEmpty();
            assertThat(rows(db, "PRAGMA foreign_keys")).containsExactly(List.of(1L));

            after.migrate(Map.of("shop", "0001_initial"), false, false);
            assertThat(schema(db)).isEqualTo(schemaOf(change.a()));
            assertThat(rows(db, "SELECT title, pages FROM shop_book ORDER BY id")).extracting(r -> r.get(0))
                    .containsExactlyElementsOf(TITLES);

            after.migrate(Map.of("shop", "zero", "people", "zero"), false, false);
            assertThat(schema(db)).isEmpty();
            assertThat(on.output()).noneMatch(l -> l.contains("FAILED"));
        }
    }

    @OnEveryBackend
    void runSqlAndRunJavaRunBothWays(String backend) throws Exception {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            Migrations project = on.migrations(base());
            RenameQuestioner hints = RenameQuestioner.hints(List.of(), false);
            project.makeMigrations(Set.of(), null, false, false, hints);
            Path empty = project.makeMigrations(Set.of("people"), "data", false, true, hints).get(0).file();
            String text = Files.readString(empty);
            assertThat(text).contains("\"operations\" : [ ]");
            Files.writeString(empty, text.replace("\"operations\" : [ ]", "\"operations\" : ["
                    + "{\"op\": \"RunSQL\", \"sql\": [\"INSERT INTO people_author (name) VALUES ('seeded by SQL')\"],"
                    + " \"reverse_sql\": [\"DELETE FROM people_author WHERE name = 'seeded by SQL'\"]},"
                    + "{\"op\": \"RunJava\", \"class\": \"" + SeedCode.class.getName() + "\"}]"));
            project.migrate(Map.of(), false, false);
            assertThat(rows(db, "SELECT name FROM people_author ORDER BY id")).extracting(r -> r.get(0))
                    .containsExactly("seeded by SQL", "seeded by RunJava");
            project.migrate(Map.of("people", "0001"), false, false);
            assertThat(rows(db, "SELECT count(*) FROM people_author")).containsExactly(List.of(0L));
            project.migrate(Map.of("shop", "zero", "people", "zero"), false, false);
            assertThat(schema(db)).isEmpty();
        }
    }
}
