package io.djorm.migrations;

import io.djorm.core.OnDelete;
import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.fk;
import static io.djorm.migrations.Fixtures.model;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.internal.fields.OneToOneType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.sqlite.internal.schema.SqliteSchemaEditor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * inspectdb on tables with foreign keys: the generated classes compile, and the models they declare
 * make the very schema they were inspected from.
 */
class InspectDbRelationsTest extends MemorySqliteTest {
    private static final String PACKAGE = "com.example.found";
    @TempDir Path dir;

    /** Keys of every shape: plain, nullable, unique (one-to-one), to the table itself, two to one table. */
    static List<ModelMeta> models() {
        ModelMeta author = model("shop", "Author").field(chars("name", 100).build()).build();
        ModelMeta cover = model("shop", "Cover").field(chars("url", 200).build()).build();
        ModelMeta book = model("shop", "Book").field(chars("title", 200).build())
                .field(fk("mainAuthor", "shop.Author").build())
                .field(fk("editor", "shop.Author").nullable(true).build())
                .field(FieldMeta.builder("cover", new OneToOneType()).unique(true).nullable(true)
                        .relation(new Relation(Relation.Kind.ONE_TO_ONE, "shop.Cover", OnDelete.CASCADE, "", "",
                                true, "")).build())
                .field(fk("parent", "shop.Book").nullable(true).build())
                .build();
        return List.of(author, cover, book);
    }

    @Test
    void generatedModelsCompileAndDeclareTheInspectedSchema() throws Exception {
        Map<String, ModelMeta> byLabel = new java.util.HashMap<>();
        models().forEach(m -> byLabel.put(m.labelLower(), m));
        SqliteSchemaEditor editor = new SqliteSchemaEditor(db, new SqliteDialect(), l -> byLabel.get(l.toLowerCase(Locale.ROOT)));
        models().forEach(editor::createModel);

        Map<String, String> sources = new Migrations(List.of(), db, new SqliteDialect(), dir, s -> { })
                .inspectDb("shop", PACKAGE);
        assertThat(sources).containsOnlyKeys("Author", "Book", "Cover");
        assertThat(sources.get("Book"))
                .contains("    @ForeignKey(to = Author.class, onDelete = OnDelete.DO_NOTHING, relatedName = \"book_mainAuthor_set\")\n"
                        + "    public Ref<Author> mainAuthor;")
                .contains("    @ForeignKey(to = Author.class, onDelete = OnDelete.DO_NOTHING, relatedName = \"book_editor_set\", "
                        + "nullable = true)\n    public Ref<Author> editor;")
                .contains("    @OneToOneField(to = Cover.class, onDelete = OnDelete.DO_NOTHING, nullable = true)\n"
                        + "    public Ref<Cover> cover;")
                .contains("    @ForeignKey(to = Book.class, onDelete = OnDelete.DO_NOTHING, nullable = true)\n"
                        + "    public Ref<Book> parent;");

        List<ModelMeta> generated = GeneratedModels.compileAndLoad(sources, PACKAGE, dir);
        assertThat(schemaOf(generated)).isEqualTo(schema(db));
        // The inspected models are unmanaged: makemigrations proposes nothing for tables that exist.
        assertThat(sources.values()).allMatch(source -> source.contains("@Meta(dbTable = ") && source.contains(", managed = false"));
        assertThat(new Migrations(generated, db, new SqliteDialect(), dir.resolve("migrations"), s -> { })
                .makeMigrations(Set.of(), null, true, false, RenameQuestioner.hints(List.of(), false))).isEmpty();
    }
}
