package io.djorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The orm command on its own: settings from a file or the environment, models from INSTALLED_APPS. */
class OrmCommandStandaloneTest {
    @TempDir Path dir;
    private final StringWriter text = new StringWriter();

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    private int orm(Map<String, String> env, String... args) {
        text.getBuffer().setLength(0);
        return OrmCommand.run(new PrintWriter(text), env, args);
    }

    private Path propertiesSettings() throws Exception {
        Path file = dir.resolve("djorm.properties");
        Files.writeString(file, "DATABASES.default.ENGINE = sqlite\n"
                + "DATABASES.default.NAME = " + dir.resolve("app.db").toString().replace("\\", "/") + "\n"
                + "INSTALLED_APPS = io.djorm.migrations.cliapp\n");
        return file;
    }

    @Test
    void settingsFileModelsFromInstalledAppsAndShippedMigrations() throws Exception {
        String settings = propertiesSettings().toString();
        String migrations = dir.resolve("migrations").toString();
        assertThat(orm(Map.of(), "makemigrations", "--settings", settings, "--migrations", migrations)).isZero();
        assertThat(text.toString()).contains("Migrations written:").contains("Create model Note")
                .doesNotContain("Shelf");
        assertThat(dir.resolve("migrations/cliapp/0001_initial.json")).exists();
        assertThat(dir.resolve("migrations/library")).doesNotExist();

        assertThat(orm(Map.of(), "--settings", settings, "--migrations", migrations, "migrate")).isZero();
        assertThat(text.toString()).containsPattern("Applying cliapp\\.0001_initial\\.\\.\\. OK \\(\\d+ ms\\)")
                .containsPattern("Applying library\\.0001_initial\\.\\.\\. OK");
        assertThat(orm(Map.of(), "makemigrations", "--check", "--settings", settings, "--migrations", migrations)).isZero();
        assertThat(text.toString()).contains("No changes detected");
        assertThat(orm(Map.of(), "showmigrations", "--settings", settings, "--migrations", migrations)).isZero();
        assertThat(text.toString()).contains("cliapp\n [X] 0001_initial").contains("library\n [X] 0001_initial");
        assertThat(Djorm.isConfigured()).isFalse();
    }

    @Test
    void environmentSettingsAndInspectDb() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite:///" + dir.resolve("env.db").toString().replace("\\", "/"),
                "DJORM_INSTALLED_APPS", "io.djorm.migrations.cliapp");
        String migrations = dir.resolve("migrations").toString();
        assertThat(orm(env, "makemigrations", "--migrations", migrations)).isZero();
        assertThat(orm(env, "migrate", "--migrations", migrations)).isZero();
        assertThat(orm(env, "inspectdb", "--app", "cliapp", "--package", "com.example.found", "--migrations", migrations))
                .isZero();
        String source = text.toString();
        assertThat(source).contains("// Note.java").contains("package com.example.found;")
                .contains("@Meta(dbTable = \"cliapp_note\", managed = false)").contains("public class Note extends Model {")
                .contains("    @CharField(maxLength = 80)\n    public String title;")
                .contains("    @IntegerField(nullable = true)\n    public Integer stars;")
                .contains("@Meta(dbTable = \"library_shelf\", managed = false)").doesNotContain("djorm_migrations");

        Path out = dir.resolve("generated");
        assertThat(orm(env, "inspectdb", "--app", "cliapp", "--output", out.toString(), "--migrations", migrations)).isZero();
        assertThat(out.resolve("Note.java")).content().contains("public class Note extends Model");
    }

    @Test
    void classpathOptionAddsToTheClassesTheCommandAlreadySees() throws Exception {
        String settings = propertiesSettings().toString();
        Path extra = Files.createDirectories(dir.resolve("extra"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertThat(orm(Map.of(), "--classpath", extra.toString(), "--settings", settings,
                "--migrations", dir.resolve("migrations").toString(), "showmigrations")).isZero();
        // The shipped migrations of the test classpath stay visible through the added loader.
        assertThat(text.toString()).contains("library\n [ ] 0001_initial");
        assertThat(Thread.currentThread().getContextClassLoader()).as("context loader restored").isSameAs(before);

        assertThat(orm(Map.of("DJORM_CLASSPATH", dir.resolve("absent").toString()), "--settings", settings,
                "showmigrations")).isEqualTo(1);
        assertThat(text.toString()).contains("CommandError: The classpath entry").contains("absent does not exist");
    }

    @Test
    void coloursOnlyOnATerminalWithoutNoColor() {
        assertThat(OrmCommand.ansi(false, Map.of())).isEqualTo(CommandLine.Help.Ansi.OFF);
        assertThat(OrmCommand.ansi(true, Map.of("NO_COLOR", "1"))).isEqualTo(CommandLine.Help.Ansi.OFF);
        assertThat(OrmCommand.ansi(true, Map.of())).isEqualTo(CommandLine.Help.Ansi.AUTO);
        // Run from a test, standard output is no terminal: usage errors carry no escape codes.
        assertThat(orm(Map.of(), "migrate", "--no-such-option")).isEqualTo(2);
        assertThat(text.toString()).contains("Unknown option: '--no-such-option'").doesNotContain("\u001b[");
    }

    @Test
    void missingSettingsSayWhatToSet() {
        assertThat(orm(Map.of(), "showmigrations")).isEqualTo(1);
        assertThat(text.toString()).contains("CommandError: The orm command found no database settings")
                .contains("--settings").contains("DATABASE_URL");
    }
}
