package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.migrations.relapps.catalog.Genre;
import io.djorm.migrations.relapps.catalog.Title;
import io.djorm.migrations.relapps.writers.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotated models with a cross-app ForeignKey and a ManyToManyField: the schema that makemigrations
 * and migrate build is the one the ORM's queries expect (inserts, join-table rows through the related
 * manager, lookups across both relations, reverse accessors included).
 */
class AnnotatedRelationsScenarioTest {
    @TempDir Path dir;
    private final List<String> output = new ArrayList<>();
    private Database database;
    private Connection db;

    @BeforeEach
    void configure() {
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("app.db").toString())),
                "INSTALLED_APPS", List.of("io.djorm.migrations.relapps.writers", "io.djorm.migrations.relapps.catalog")));
        database = Djorm.database("default");
        db = database.connect();
    }

    @AfterEach
    void shutdown() {
        db.close();
        Djorm.shutdown();
    }

    private Migrations project() {
        return new Migrations(Djorm.apps().models(), db, database.dialect(), dir.resolve("migrations"), output::add);
    }

    @Test
    void migratedSchemaServesTheOrmAcrossForeignKeyAndManyToMany() throws Exception {
        List<Migrations.Made> made = project().makeMigrations(Set.of(), null, false, false, RenameQuestioner.hints(List.of(), false));
        assertThat(made).extracting(m -> dir.resolve("migrations").relativize(m.file()).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("writers/0001_initial.json", "catalog/0001_initial.json");
        String catalog = Files.readString(dir.resolve("migrations/catalog/0001_initial.json"));
        assertThat(catalog).contains("\"io.djorm.core.internal.fields.ForeignKeyType\"")
                .contains("\"io.djorm.core.internal.fields.ManyToManyType\"")
                .contains("\"writers\",\n      \"0001_initial\"");

        project().migrate(Map.of(), false, false);
        // the files read back with the core's kinds describe exactly the annotated models
        assertThat(project().makeMigrations(Set.of(), null, true, false, RenameQuestioner.hints(List.of(), false))).isEmpty();
        assertThat(Fixtures.schema(db)).containsOnlyKeys("writers_writer", "catalog_genre", "catalog_title",
                "catalog_title_genres");

        Writer ann = Writer.objects().create("name", "Ann");
        Writer bob = Writer.objects().create("name", "Bob");
        Genre scifi = Genre.objects().create("label", "scifi");
        Genre classic = Genre.objects().create("label", "classic");
        Title dune = Title.objects().create("name", "Dune", "writer", ann);
        Title emma = Title.objects().create("name", "Emma", "writer", bob);
        dune.genres.add(List.of(scifi, classic));
        emma.genres.add(List.of(classic));

        assertThat(rows(db, "SELECT title_id, genre_id FROM catalog_title_genres ORDER BY title_id, genre_id"))
                .containsExactly(List.of(dune.pk(), scifi.pk()), List.of(dune.pk(), classic.pk()),
                        List.of(emma.pk(), classic.pk()));
        assertThat(Title.objects().filter("writer__name", "Ann").valuesListFlat("name", String.class).list())
                .containsExactly("Dune");
        assertThat(Title.objects().filter("genres__label", "classic").orderBy("name").valuesListFlat("name", String.class)
                .list()).containsExactly("Dune", "Emma");
        assertThat(Writer.objects().filter("titles__genres__label", "scifi").valuesListFlat("name", String.class).list())
                .containsExactly("Ann");
        assertThat(Genre.objects().filter("titles__writer__name", "Bob").valuesListFlat("label", String.class).list())
                .containsExactly("classic");
        assertThat(dune.genres.all().orderBy("label").valuesListFlat("label", String.class).list())
                .containsExactly("classic", "scifi");
        assertThat(Title.objects().get("name", "Emma").writer.get().name).isEqualTo("Bob");

        // deleting a writer cascades through the foreign key and the join rows
        ann.delete();
        assertThat(rows(db, "SELECT count(*) FROM catalog_title_genres")).containsExactly(List.of(1L));
        assertThat(rows(db, "PRAGMA foreign_key_check")).isEmpty();

        project().migrate(new LinkedHashMap<>(Map.of("catalog", "zero", "writers", "zero")), false, false);
        assertThat(Fixtures.schema(db)).isEmpty();
        assertThat(output).noneMatch(l -> l.contains("FAILED"));
    }
}
