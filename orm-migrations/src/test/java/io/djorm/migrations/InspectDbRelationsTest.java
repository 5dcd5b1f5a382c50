package io.djorm.migrations;

import io.djorm.core.OnDelete;
import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.fk;
import static io.djorm.migrations.Fixtures.model;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.fields.OneToOneType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Connection;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.sqlite.internal.schema.SqliteSchemaEditor;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * inspectdb on tables with foreign keys: the generated classes compile, and the models they declare
 * make the very schema they were inspected from.
 */
class InspectDbRelationsTest {
    private static final String PACKAGE = "com.example.found";
    @TempDir Path dir;
    private Connection db;

    @BeforeEach
    void open() {
        db = Fixtures.memory();
    }

    @AfterEach
    void close() {
        db.close();
    }

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

        List<ModelMeta> generated = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {compile(sources).toUri().toURL()},
                getClass().getClassLoader())) {
            for (String name : sources.keySet()) generated.add(Apps.meta(loader.loadClass(PACKAGE + "." + name)));
        }
        assertThat(schemaOf(generated)).isEqualTo(schema(db));
    }

    /** Compiles the sources against the test classpath; fails the test with javac's messages. */
    private Path compile(Map<String, String> sources) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/" + PACKAGE.replace('.', '/')));
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(Files.writeString(src.resolve(e.getKey() + ".java"), e.getValue()).toFile());
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", classpath, "-d", classes.toString()),
                    null, fm.getJavaFileObjectsFromFiles(files)).call();
            assertThat(diagnostics.getDiagnostics()).as("javac on the generated sources").isEmpty();
            assertThat(ok).isTrue();
        }
        return classes;
    }
}
