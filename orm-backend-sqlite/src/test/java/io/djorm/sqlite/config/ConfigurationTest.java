package io.djorm.sqlite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseUrl;
import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.NotSupportedError;
import io.djorm.core.SaveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configure(DATABASES), DATABASE_URL, several aliases and the errors of bad settings (issue 2, point 3). */
class ConfigurationTest {
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    private static Map<String, Object> sqlite(Path file) {
        return Map.of("ENGINE", "sqlite", "NAME", file.toString());
    }

    @Test
    void severalAliasesWithUsingOnQuerySetsAndSaves() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("a.db")), "archive",
                sqlite(dir.resolve("b.db"))), "INSTALLED_APPS", List.of("io.djorm.sqlite.config")));
        assertThat(Djorm.apps().models("config")).extracting(m -> m.label()).containsExactly("config.Note");
        Djorm.connection().createTables(Note.class);
        Djorm.connection("archive").createTables(Note.class);
        Note.objects().create("text", "default one");
        Note archived = new Note();
        archived.text = "archived";
        archived.save(SaveOptions.using("archive"));
        assertThat(archived.db()).isEqualTo("archive");
        assertThat(Note.objects().all().valuesListFlat("text", String.class).list()).containsExactly("default one");
        assertThat(Note.objects().using("archive").valuesListFlat("text", String.class).list()).containsExactly("archived");
        Note loaded = Note.objects().using("archive").get("text", "archived");
        loaded.text = "archived, edited";
        loaded.save(); // saves back to the alias it came from
        assertThat(Note.objects().using("archive").get("pk", loaded.pk()).text).isEqualTo("archived, edited");
        assertThat(Note.objects().count()).isEqualTo(1);
        assertThatThrownBy(() -> Note.objects().using("nope")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("'nope' is not configured").hasMessageContaining("archive");
    }

    @Test
    void fileDatabasesUseWalAndForeignKeys() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("wal.db")))));
        assertThat(Djorm.connection().query("PRAGMA journal_mode").rows().get(0)[0]).isEqualTo("wal");
        assertThat(Djorm.connection().query("PRAGMA foreign_keys").rows().get(0)[0]).isEqualTo(1L);
        assertThat(Djorm.connection().query("PRAGMA busy_timeout").rows().get(0)[0]).isEqualTo(5000L);
        assertThat(Djorm.connection().vendor()).isEqualTo("sqlite");
    }

    @Test
    void databaseUrlForms() {
        assertThat(DatabaseUrl.parse("sqlite:///relative/shop.db")).containsEntry("ENGINE", "sqlite")
                .containsEntry("NAME", "relative/shop.db");
        assertThat(DatabaseUrl.parse("sqlite:////abs/shop.db")).containsEntry("NAME", "/abs/shop.db");
        assertThat(DatabaseUrl.parse("sqlite://:memory:")).containsEntry("NAME", ":memory:");
        assertThat(DatabaseUrl.parse("sqlite:///x.db?timeout=2")).containsEntry("OPTIONS", Map.of("timeout", "2"));
        Djorm.configure(Map.of("DATABASE_URL", "sqlite:////" + dir.resolve("url.db").toString().substring(1)));
        Djorm.connection().createTables(Note.class);
        Note.objects().create("text", "via url");
        assertThat(Files.exists(dir.resolve("url.db"))).isTrue();
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:/bad")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("sqlite:///relative/path.db");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://host/db")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("postgres");
    }

    @Test
    void aLibsqlDatabaseWithoutTheLibsqlArtifactNamesTheArtifact() {
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default",
                Map.of("ENGINE", "libsql", "NAME", "libsql://db.example.com")))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("io.djorm:orm-backend-libsql");
        assertThatThrownBy(() -> DatabaseUrl.parse("libsql://db.example.com?authToken=secret"))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("io.djorm:orm-backend-libsql")
                .hasMessageNotContaining("secret");
    }

    @Test
    void missingOrWrongSettingsNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> Djorm.configure(Map.of())).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("DATABASES");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("other", sqlite(dir.resolve("o.db"))))))
                .hasMessageContaining("no \"default\" alias");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("NAME", "x.db")))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has no ENGINE");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "oracle")))))
                .hasMessageContaining("'oracle'").hasMessageContaining("sqlite");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite",
                "NAME", dir.resolve("missing/dir/x.db").toString()))))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite",
                "NAME", ":memory:", "OPTIONS", Map.of("timeout", "soon")))))).hasMessageContaining("OPTIONS")
                .hasMessageContaining("number of seconds");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite",
                "NAME", ":memory:", "OPTIONS", Map.of("transaction_mode", "LAZY")))))).hasMessageContaining("IMMEDIATE");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("d.db"))),
                "INSTALLED_APPS", List.of("not a package")))).hasMessageContaining("INSTALLED_APPS");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("d.db"))),
                "DEBUG", true))).hasMessageContaining("Unknown setting 'DEBUG'");
    }

    @Test
    void eachConfigurationsRegistryLearnsOrRefusesTheModelOfASave() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("r.db")))));
        Djorm.connection().createTables(Note.class);
        Note first = new Note();
        first.text = "registered by its save";
        first.save();
        assertThat(Djorm.apps().models()).extracting(m -> m.label()).contains("config.Note");
        Djorm.shutdown();
        // A new registry, whose INSTALLED_APPS leave the model out: the save before registered it in the old one only.
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("r.db"))),
                "INSTALLED_APPS", List.of("io.djorm.sqlite.writes")));
        Note second = new Note();
        second.text = "refused";
        assertThatThrownBy(second::save).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("isn't in an application in INSTALLED_APPS");
        Djorm.shutdown();
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("r.db")))));
        assertThat(Djorm.apps().models()).extracting(m -> m.label()).doesNotContain("config.Note");
        second.save();
        assertThat(Djorm.apps().models()).extracting(m -> m.label()).contains("config.Note");
    }

    @Test
    void usingTheOrmBeforeConfigureExplainsWhatToDo() {
        assertThatThrownBy(() -> Note.objects().count()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Djorm.configure");
    }

    @Test
    void syncReplicaOnAPlainFileSaysItIsNotAReplica() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", sqlite(dir.resolve("plain.db")))));
        assertThatThrownBy(() -> Djorm.connection().syncReplica()).isInstanceOf(NotSupportedError.class)
                .hasMessageContaining("not an embedded replica");
    }

    @Test
    void memoryDatabasesAreSharedAcrossThreads() throws Exception {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", ":memory:"))));
        Djorm.connection().createTables(Note.class);
        Thread t = new Thread(() -> Note.objects().create("text", "from another thread"));
        t.start();
        t.join();
        assertThat(Note.objects().count()).isEqualTo(1);
    }
}
