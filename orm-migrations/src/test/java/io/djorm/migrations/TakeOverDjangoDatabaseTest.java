package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.rows;
import static io.djorm.migrations.Fixtures.schema;
import static io.djorm.migrations.Fixtures.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes over the database of a Django 3.2 project, as docs/migrations.md describes: inspectdb, compile
 * the generated models (unmanaged: makemigrations proposes nothing), make them managed, write the initial
 * migration and fake it. The database is Django's own: {@code django/shop.sql} was dumped from the file
 * Django's {@code migrate} made (parity/django/takeover/generate.py), and is replayed here.
 */
class TakeOverDjangoDatabaseTest {
    @RegisterExtension static final EveryBackend BACKENDS = new EveryBackend();
    private static final RenameQuestioner NO_RENAMES = RenameQuestioner.hints(List.of(), false);
    @TempDir Path dir;

    @OnEveryBackend
    void inspectThenFakeTheInitialMigration(String backend) throws Exception {
        try (EmptyDatabase on = BACKENDS.open(backend, dir)) {
            Connection db = on.db();
            List<String> output = on.output();
            db.begin();
            for (String sql : djangoDump()) db.update(Statement.of(sql));
            db.commit();
            Path migrations = dir.resolve("migrations");

            Map<String, String> sources = new LinkedHashMap<>(on.migrations(List.of(), migrations).inspectDb("shop", "com.example.shop"));
            // Django's own bookkeeping table is not one of the project's models.
            assertThat(sources.remove("DjangoMigrations")).isNotNull();
            assertThat(sources).containsOnlyKeys("Author", "Book", "BookTags", "Tag");
            assertThat(sources.get("Book"))
                    .contains("@Meta(dbTable = \"shop_book\", managed = false, uniqueTogether = {@UniqueTogether({\"title\", \"author\"})})")
                    .contains("    // maxDigits and decimalPlaces have been guessed, as this database handles decimal fields as float.\n"
                            + "    @DecimalField(maxDigits = 10, decimalPlaces = 5)\n    public java.math.BigDecimal price;")
                    .contains("    @CharField(maxLength = 13, dbIndex = true)\n    public String isbn;");
            assertThat(sources.get("BookTags")).contains("uniqueTogether = {@UniqueTogether({\"book\", \"tag\"})}");

            // As generated, the models are unmanaged: nothing to migrate for tables that exist.
            List<ModelMeta> unmanaged = GeneratedModels.compileAndLoad(sources, "com.example.shop", dir.resolve("unmanaged"));
            assertThat(on.migrations(unmanaged, migrations).makeMigrations(Set.of(), null, true, false, NO_RENAMES)).isEmpty();

            // Taking over: drop "managed = false", write the initial migration, fake it.
            Map<String, String> managedSources = new LinkedHashMap<>();
            sources.forEach((name, text) -> managedSources.put(name, text.replace(", managed = false", "")));
            List<ModelMeta> models = GeneratedModels.compileAndLoad(managedSources, "com.example.shop", dir.resolve("managed"));
            Migrations project = on.migrations(models, migrations);
            assertThat(project.makeMigrations(Set.of(), null, false, false, NO_RENAMES))
                    .flatExtracting(Migrations.Made::descriptions).containsExactlyInAnyOrder("Create model Author",
                            "Create model Tag", "Create model Book", "Create model BookTags");
            project.migrate(Map.of(), false, true);
            assertThat(output).contains("  Applying shop.0001_initial... FAKED");
            // Django's tables, columns and index names are exactly what the models declare: no renames due.
            assertThat(schema(db)).containsAllEntriesOf(schemaOf(models));
            assertThat(project.makeMigrations(Set.of(), null, true, false, NO_RENAMES)).isEmpty();

            // From now on djorm manages the tables, with Django's rows in them.
            List<ModelMeta> changed = new ArrayList<>(models);
            changed.replaceAll(m -> m.modelName().equals("Book") ? m.toBuilder().field(chars("subtitle", 100).nullable(true).build())
                    .build() : m);
            Migrations next = on.migrations(changed, migrations);
            next.makeMigrations(Set.of(), null, false, false, NO_RENAMES);
            next.migrate(Map.of(), false, false);
            assertThat(schema(db)).containsAllEntriesOf(schemaOf(changed));
            assertThat(rows(db, "SELECT b.title, a.name, b.subtitle FROM shop_book b JOIN shop_author a ON a.id = b.author_id"))
                    .containsExactly(java.util.Arrays.asList("Ancillary Justice", "Ann Leckie", null));
            assertThat(output).noneMatch(l -> l.contains("FAILED"));
        }
    }

    /** The statements of Django's database, one a line. */
    private static List<String> djangoDump() throws IOException {
        try (InputStream in = TakeOverDjangoDatabaseTest.class.getResourceAsStream("/django/shop.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
