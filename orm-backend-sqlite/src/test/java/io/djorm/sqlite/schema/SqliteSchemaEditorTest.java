package io.djorm.sqlite.schema;

import static io.djorm.sqlite.schema.TestModels.chars;
import static io.djorm.sqlite.schema.TestModels.foreignKey;
import static io.djorm.sqlite.schema.TestModels.integer;
import static io.djorm.sqlite.schema.TestModels.json;
import static io.djorm.sqlite.schema.TestModels.manyToMany;
import static io.djorm.sqlite.schema.TestModels.model;
import static io.djorm.sqlite.schema.TestModels.positive;
import static io.djorm.sqlite.schema.TestModels.resolver;
import static io.djorm.sqlite.schema.TestModels.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseError;
import io.djorm.core.IntegrityError;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.ModelResolver;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.sqlite.internal.schema.SqliteIntrospection;
import io.djorm.sqlite.internal.schema.SqliteIntrospection.Column;
import io.djorm.sqlite.internal.schema.SqliteIntrospection.ForeignKey;
import io.djorm.sqlite.internal.schema.SqliteSchemaEditor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteSchemaEditorTest {
    private final SqliteDialect dialect = new SqliteDialect();
    private final ModelMeta author = model("shop", "Author").field(chars("name", 100).build())
            .field(chars("email", 200).unique(true).nullable(true).build()).build();
    private final ModelMeta tag = model("shop", "Tag").field(chars("label", 30).build()).build();
    private final ModelMeta book = model("shop", "Book")
            .field(chars("title", 200).dbIndex(true).build())
            .field(positive("pages").defaultValue(0, "0").build())
            .field(chars("publisher", 50).defaultValue("O'Reilly", "O'Reilly").build())
            .field(json("data").nullable(true).build())
            .field(foreignKey("author", "shop.Author").build())
            .field(manyToMany("tags", "shop.Tag").build())
            .constraint(new ConstraintMeta("pages_not_huge", ConstraintMeta.Kind.CHECK, List.of(), List.of("pages__lte=10000")))
            .index(new IndexMeta("book_title_pages", List.of("title", "-pages"), false))
            .build();
    private final ModelResolver models = resolver(author, tag, book);
    private Connection connection;
    private SqliteIntrospection introspection;

    @BeforeEach
    void open() {
        connection = TestModels.memory();
        introspection = new SqliteIntrospection(connection, dialect);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private SqliteSchemaEditor editor() {
        return new SqliteSchemaEditor(connection, dialect, models);
    }

    private void createAll() {
        SqliteSchemaEditor editor = editor();
        editor.createModel(author);
        editor.createModel(tag);
        editor.createModel(book);
    }

    private void exec(String sql) {
        connection.update(Statement.of(sql));
    }

    @Test
    void rendersCreateTableLikeDjango() {
        List<String> sql = new SqliteSchemaEditor(null, dialect, models).createModelSql(book);
        assertThat(sql.get(0)).isEqualTo("CREATE TABLE \"shop_book\" ("
                + "\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "
                + "\"title\" varchar(200) NOT NULL, "
                + "\"pages\" integer unsigned NOT NULL CHECK (\"pages\" >= 0), "
                + "\"publisher\" varchar(50) NOT NULL, "
                + "\"data\" text NULL CHECK ((JSON_VALID(\"data\") OR \"data\" IS NULL)), "
                + "\"author_id\" integer NOT NULL REFERENCES \"shop_author\" (\"id\") DEFERRABLE INITIALLY DEFERRED, "
                + "CONSTRAINT \"pages_not_huge\" CHECK (\"pages\" <= 10000))");
        // Index names by Django's rule: Django 3.2 gives these very names.
        assertThat(sql).contains("CREATE INDEX \"shop_book_title_1f19d72a\" ON \"shop_book\" (\"title\")");
        assertThat(sql).contains("CREATE INDEX \"book_title_pages\" ON \"shop_book\" (\"title\", \"pages\" DESC)");
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE \"shop_book_tags\" (\"id\" integer NOT NULL PRIMARY KEY "
                + "AUTOINCREMENT, \"book_id\" integer NOT NULL REFERENCES \"shop_book\" (\"id\")"));
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE UNIQUE INDEX \"shop_book_tags_book_id_tag_id_870e5de6_uniq\" "));
        // Deterministic: the same model renders the same statements.
        assertThat(new SqliteSchemaEditor(null, dialect, models).createModelSql(book)).isEqualTo(sql);
    }

    @Test
    void renderOnlyEditorRunsNothing() {
        SqliteSchemaEditor renderOnly = new SqliteSchemaEditor(null, dialect, models);
        renderOnly.createModel(author);
        renderOnly.addField(author, integer("age").nullable(true).build());
        assertThat(renderOnly.executedSql()).hasSize(2);
        assertThat(introspection.tables()).isEmpty();
    }

    @Test
    void createdSchemaMatchesTheModels() {
        createAll();
        assertThat(introspection.tables()).contains("shop_author", "shop_tag", "shop_book", "shop_book_tags");
        assertThat(introspection.columns("shop_book")).containsExactly(
                new Column("id", "integer", false, null, true),
                new Column("title", "varchar(200)", false, null, false),
                new Column("pages", "integer unsigned", false, null, false),
                new Column("publisher", "varchar(50)", false, null, false),
                new Column("data", "text", true, null, false),
                new Column("author_id", "integer", false, null, false));
        assertThat(introspection.foreignKeys("shop_book")).containsExactly(new ForeignKey("author_id", "shop_author", "id"));
        assertThat(introspection.foreignKeys("shop_book_tags")).containsExactly(
                new ForeignKey("book_id", "shop_book", "id"), new ForeignKey("tag_id", "shop_tag", "id"));
        assertThat(introspection.uniqueColumnSets("shop_author")).containsExactly(List.of("email"));
        assertThat(introspection.uniqueColumnSets("shop_book_tags")).containsExactly(List.of("book_id", "tag_id"));
        assertThat(introspection.indexes("shop_book")).extracting(SqliteIntrospection.Index::columns)
                .contains(List.of("title"), List.of("author_id"), List.of("title", "pages"));
        assertThat(introspection.checkConstraints("shop_book")).containsExactly("pages_not_huge");
        assertThatThrownBy(() -> exec("INSERT INTO shop_book (title, pages, author_id) VALUES ('x', 20000, 1)"))
                .isInstanceOf(DatabaseError.class);
    }

    @Test
    void typesOfAutomaticKeysFollowTheTargetColumn() {
        createAll();
        // sqlite reports declared types verbatim; relation columns copy the target's integer type
        assertThat(introspection.columns("shop_book_tags")).extracting(Column::type)
                .containsExactly("integer", "integer", "integer");
    }

    @Test
    void addNullableColumnsWithAlterTableAndRequiredOnesByRebuildingWithoutDefaults() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        SqliteSchemaEditor editor = editor();
        editor.addField(author, integer("age").nullable(true).build());
        editor.addField(author, integer("score").nullable(true).defaultValue(5, "5").build());
        assertThat(editor.executedSql()).containsExactly("ALTER TABLE \"shop_author\" ADD COLUMN \"age\" integer NULL",
                "ALTER TABLE \"shop_author\" ADD COLUMN \"score\" integer NULL", "UPDATE \"shop_author\" SET \"score\" = 5");
        ModelMeta withScore = author.toBuilder().field(integer("age").nullable(true).build())
                .field(integer("score").nullable(true).defaultValue(5, "5").build()).build();
        editor.addField(withScore, integer("rank").defaultValue(3, "3").build());
        assertThat(editor.executedSql()).anyMatch(s -> s.startsWith("CREATE TABLE \"new__shop_author\""));
        // The defaults filled the existing row once; no column keeps a DEFAULT (as in Django).
        assertThat(rows(connection, "SELECT name, age, score, rank FROM shop_author"))
                .containsExactly(java.util.Arrays.asList("Ann", null, 5L, 3L));
        assertThat(introspection.columns("shop_author")).allMatch(c -> c.defaultSql() == null);
    }

    @Test
    void addUniqueColumnRebuildsKeepingRowsIndexesAndReferences() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book (title, pages, publisher, author_id) VALUES ('Dune', 412, 'Ace', 1)");
        SqliteSchemaEditor editor = editor();
        FieldMeta code = chars("code", 10).unique(true).nullable(true).build();
        editor.addField(author, code);
        assertThat(editor.executedSql()).anyMatch(s -> s.startsWith("CREATE TABLE \"new__shop_author\""));
        assertThat(rows(connection, "SELECT id, name, code FROM shop_author")).containsExactly(java.util.Arrays.asList(1L, "Ann", null));
        assertThat(introspection.uniqueColumnSets("shop_author")).contains(List.of("email"), List.of("code"));
        assertThat(introspection.foreignKeys("shop_book")).containsExactly(new ForeignKey("author_id", "shop_author", "id"));
        assertThat(rows(connection, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(rows(connection, "PRAGMA foreign_keys")).containsExactly(List.of(1L));
        // the reference is still enforced after the rebuild
        assertThatThrownBy(() -> exec("INSERT INTO shop_book (title, pages, publisher, author_id) VALUES ('x', 1, 'Ace', 99)"))
                .isInstanceOf(DatabaseError.class);
    }

    @Test
    void alterFieldKeepsDataAcrossTypeAndNullabilityChanges() {
        createAll();
        exec("INSERT INTO shop_author (name, email) VALUES ('Ann', NULL)");
        ModelMeta current = author;
        FieldMeta oldEmail = author.field("email");
        FieldMeta newEmail = chars("email", 300).unique(true).defaultValue("none", "none").build();
        SqliteSchemaEditor editor = editor();
        editor.alterField(current, oldEmail, newEmail);
        assertThat(rows(connection, "SELECT name, email FROM shop_author")).containsExactly(List.of("Ann", "none"));
        assertThat(introspection.columns("shop_author")).contains(new Column("email", "varchar(300)", false, null, false));
        // and back
        ModelMeta altered = author.toBuilder().replaceField("email", newEmail).build();
        editor.alterField(altered, newEmail, oldEmail);
        assertThat(introspection.columns("shop_author")).contains(new Column("email", "varchar(200)", true, null, false));
        assertThat(rows(connection, "SELECT name, email FROM shop_author")).containsExactly(List.of("Ann", "none"));
    }

    @Test
    void renameFieldUsesRenameColumnAndRenamesItsIndex() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book (title, pages, publisher, author_id) VALUES ('Dune', 412, 'Ace', 1)");
        FieldMeta oldTitle = book.field("title");
        FieldMeta heading = oldTitle.toBuilder().name("heading").column(null).build();
        ModelMeta renamedBook = book.toBuilder().replaceField("title", heading).build();
        SqliteSchemaEditor editor = new SqliteSchemaEditor(connection, dialect, resolver(author, tag, withoutIndexes(renamedBook)));
        editor.alterField(withoutIndexes(book), oldTitle, heading);
        assertThat(editor.executedSql()).first().asString().isEqualTo(
                "ALTER TABLE \"shop_book\" RENAME COLUMN \"title\" TO \"heading\"");
        assertThat(rows(connection, "SELECT heading FROM shop_book")).containsExactly(List.of("Dune"));
        assertThat(introspection.indexes("shop_book")).extracting(SqliteIntrospection.Index::name)
                .anyMatch(n -> n.startsWith("shop_book_heading_")).noneMatch(n -> n.startsWith("shop_book_title_"));
    }

    private static ModelMeta withoutIndexes(ModelMeta m) {
        ModelMeta.Builder b = m.toBuilder();
        b.indexes().clear();
        return b.build();
    }

    @Test
    void removeFieldDropsPlainColumnsAndRebuildsForKeys() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book (title, pages, author_id, publisher) VALUES ('Dune', 412, 1, 'Ace')");
        SqliteSchemaEditor editor = editor();
        editor.removeField(book, book.field("publisher"));
        assertThat(editor.executedSql()).containsExactly("ALTER TABLE \"shop_book\" DROP COLUMN \"publisher\"");
        ModelMeta withoutPublisher = book.toBuilder().removeField("publisher").build();
        editor.removeField(withoutPublisher, book.field("author"));
        assertThat(introspection.foreignKeys("shop_book")).isEmpty();
        assertThat(rows(connection, "SELECT title FROM shop_book")).containsExactly(List.of("Dune"));
        editor.removeField(withoutPublisher, book.field("tags"));
        assertThat(introspection.tables()).doesNotContain("shop_book_tags");
    }

    @Test
    void addConstraintThatExistingRowsBreakLeavesTheTableAsItWas() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('')");
        ConstraintMeta named = new ConstraintMeta("name_not_x", ConstraintMeta.Kind.CHECK, List.of(), List.of("name__in=['x','y']"));
        assertThatThrownBy(() -> editor().addConstraint(author, named)).isInstanceOf(DatabaseError.class);
        assertThat(introspection.tables()).doesNotContain("new__shop_author");
        assertThat(introspection.checkConstraints("shop_author")).isEmpty();
        assertThat(rows(connection, "SELECT name FROM shop_author")).containsExactly(List.of(""));
        assertThat(rows(connection, "PRAGMA foreign_keys")).containsExactly(List.of(1L));

        ConstraintMeta ok = new ConstraintMeta("name_len", ConstraintMeta.Kind.UNIQUE, List.of("name", "email"), List.of());
        SqliteSchemaEditor editor = editor();
        editor.addConstraint(author, ok);
        assertThat(introspection.uniqueColumnSets("shop_author")).contains(List.of("name", "email"));
        editor.removeConstraint(author.toBuilder().constraint(ok).build(), ok);
        assertThat(introspection.uniqueColumnSets("shop_author")).doesNotContain(List.of("name", "email"));
    }

    @Test
    void indexesAndUniqueTogetherComeAndGo() {
        createAll();
        SqliteSchemaEditor editor = editor();
        IndexMeta byName = new IndexMeta("", List.of("name"), false);
        editor.addIndex(author, byName);
        assertThat(introspection.indexes("shop_author")).extracting(SqliteIntrospection.Index::name)
                .anyMatch(n -> n.matches("shop_author_name_[0-9a-f]{8}_idx"));
        editor.removeIndex(author, byName);
        assertThat(introspection.indexes("shop_author")).noneMatch(i -> i.name().endsWith("_idx"));
        editor.alterUniqueTogether(author, List.of(), List.of(List.of("name", "email")));
        assertThat(introspection.uniqueColumnSets("shop_author")).contains(List.of("name", "email"));
        editor.alterUniqueTogether(author, List.of(List.of("name", "email")), List.of());
        assertThat(introspection.uniqueColumnSets("shop_author")).containsExactly(List.of("email"));
    }

    @Test
    void alterDbTableRenamesJoinTablesAndKeepsReferences() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book (title, pages, publisher, author_id) VALUES ('Dune', 412, 'Ace', 1)");
        SqliteSchemaEditor editor = editor();
        editor.alterDbTable(author, "shop_author", "people");
        editor.alterDbTable(book, "shop_book", "books");
        assertThat(introspection.tables()).contains("people", "books", "books_tags").doesNotContain("shop_book_tags");
        assertThat(introspection.foreignKeys("books")).containsExactly(new ForeignKey("author_id", "people", "id"));
        assertThat(introspection.indexes("books")).extracting(SqliteIntrospection.Index::name)
                .anyMatch(n -> n.startsWith("books_title_"));
        // the join table's generated index names follow its new name too
        assertThat(introspection.indexes("books_tags")).extracting(SqliteIntrospection.Index::name)
                .filteredOn(n -> !n.startsWith("sqlite_")).isNotEmpty().allMatch(n -> n.startsWith("books_tags_"));
    }

    @Test
    void selfReferenceAndDeleteModel() {
        ModelMeta node = model("tree", "Node").field(foreignKey("parent", "self").nullable(true).build())
                .field(manyToMany("links", "self").build()).build();
        SqliteSchemaEditor editor = new SqliteSchemaEditor(connection, dialect, resolver(node));
        editor.createModel(node);
        assertThat(introspection.foreignKeys("tree_node")).containsExactly(new ForeignKey("parent_id", "tree_node", "id"));
        assertThat(introspection.columns("tree_node_links")).extracting(Column::name)
                .containsExactly("id", "from_node_id", "to_node_id");
        editor.deleteModel(node);
        assertThat(introspection.tables()).isEmpty();
    }

    @Test
    void atomicRefusesToCommitBrokenForeignKeysAndUndoesEverything() {
        createAll();
        exec("INSERT INTO shop_author (name) VALUES ('Ann')");
        exec("INSERT INTO shop_book (title, pages, publisher, author_id) VALUES ('Dune', 412, 'Ace', 1)");
        SqliteSchemaEditor editor = editor();
        assertThatThrownBy(() -> editor.atomic(() -> {
            editor.execute("DELETE FROM shop_author");
            editor.addField(author, integer("age").nullable(true).build());
        })).isInstanceOf(IntegrityError.class)
                .hasMessageContaining("shop_book.author_id = 1 matches no row of shop_author")
                .hasMessageContaining("nothing was applied");
        assertThat(rows(connection, "SELECT name FROM shop_author")).containsExactly(List.of("Ann"));
        assertThat(introspection.columns("shop_author")).extracting(Column::name).doesNotContain("age");
        assertThat(rows(connection, "PRAGMA foreign_keys")).containsExactly(List.of(1L));

        editor.atomic(() -> editor.execute("DELETE FROM shop_book"));
        editor.atomic(() -> editor.execute("DELETE FROM shop_author"));
        assertThat(rows(connection, "SELECT count(*) FROM shop_author")).containsExactly(List.of(0L));
    }
}
