package io.djorm.maven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every goal run in-process, as Maven would configure it, on a project whose classes are this module's
 * test classes (the model {@code testapp.Item}) and whose database is a SQLite file. The forked sample
 * builds under {@code src/it} cover the Maven wiring; this covers each goal's arguments and output.
 */
class GoalsTest {
    @TempDir Path dir;
    private final List<String> log = new ArrayList<>();
    private MavenProject project;

    @BeforeEach
    void project() {
        project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(Path.of("target/test-classes").toAbsolutePath().toString());
    }

    @Test
    void everyGoalRunsTheOrmCommandOnTheProject() throws Exception {
        run(new MakeMigrationsMojo());
        Path initial = dir.resolve("migrations/testapp/0001_initial.json");
        assertThat(initial).exists();
        assertThat(log).anyMatch(l -> l.endsWith("0001_initial.json")).contains("    - Create model Item");

        run(new CheckMojo());
        assertThat(log).contains("No changes detected");

        run(new MigrateMojo(), "plan", true);
        assertThat(log).contains("Planned operations:");
        run(new MigrateMojo());
        assertThat(log).anyMatch(l -> l.startsWith("  Applying testapp.0001_initial... OK"));

        run(new ShowMigrationsMojo());
        assertThat(log).containsSubsequence("testapp", " [X] 0001_initial");

        run(new SqlMigrateMojo(), "app", "testapp", "migration", "0001");
        assertThat(log).contains("BEGIN;", "COMMIT;").anyMatch(l -> l.startsWith("CREATE TABLE \"testapp_item\""));

        run(new MakeMigrationsMojo(), "empty", true, "apps", List.of("testapp"), "name", "nothing");
        assertThat(dir.resolve("migrations/testapp/0002_nothing.json")).exists();
        run(new SquashMigrationsMojo(), "app", "testapp", "migration", "0002", "squashedName", "all");
        assertThat(dir.resolve("migrations/testapp/0001_all.json")).exists();

        Path sources = dir.resolve("inspected");
        run(new InspectDbMojo(), "app", "testapp", "packageName", "com.example.inspected", "output", sources.toFile());
        assertThat(Files.readString(sources.resolve("Item.java"))).contains("package com.example.inspected;",
                "public String label;");
    }

    @Test
    void checkFailsTheBuildNamingTheMissingMigration() {
        assertThatThrownBy(() -> run(new CheckMojo()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("djorm:check failed: the models have changes without a migration:")
                .hasMessageContaining("0001_initial.json")
                .hasMessageContaining("- Create model Item")
                .hasMessageContaining("Run mvn djorm:makemigrations");
        assertThat(dir.resolve("migrations/testapp")).doesNotExist();
    }

    @Test
    void aCommandErrorFailsTheGoalWithItsMessage() {
        assertThatThrownBy(() -> run(new SqlMigrateMojo(), "app", "testapp", "migration", "0009"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("djorm:sqlmigrate failed: ")
                .hasMessageNotContaining("CommandError");
    }

    @Test
    void aSettingsFileIsReadRelativeToTheProjectDirectory() throws Exception {
        Files.writeString(dir.resolve("djorm.properties"), "DATABASE_URL=sqlite:///" + dir.resolve("other.db")
                + "\nINSTALLED_APPS=io.djorm.maven.plugin.testapp\n");
        MakeMigrationsMojo make = new MakeMigrationsMojo();
        make.settings = "djorm.properties";
        run(make);
        MigrateMojo migrate = new MigrateMojo();
        migrate.settings = "djorm.properties";
        run(migrate);
        assertThat(dir.resolve("other.db")).exists();
        assertThat(dir.resolve("db.sqlite3")).doesNotExist();
    }

    @Test
    void skipRunsNothing() throws Exception {
        CheckMojo check = new CheckMojo();
        check.skip = true;
        run(check);
        assertThat(log).containsExactly("Skipping djorm (djorm.skip)");
    }

    /** Configures {@code mojo} as Maven would (defaults, then {@code name, value} pairs) and runs it. */
    private void run(DjormMojo mojo, Object... parameters) throws Exception {
        log.clear();
        mojo.project = project;
        if (mojo.database == null) mojo.database = "default";
        mojo.migrations = dir.resolve("migrations").toFile();
        if (mojo.settings == null && mojo.databaseUrl == null && !mojo.skip) {
            mojo.databaseUrl = "sqlite:///" + dir.resolve("db.sqlite3");
            mojo.installedApps = "io.djorm.maven.plugin.testapp";
        }
        for (int i = 0; i < parameters.length; i += 2) set(mojo, (String) parameters[i], parameters[i + 1]);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        mojo.execute();
    }

    private static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
