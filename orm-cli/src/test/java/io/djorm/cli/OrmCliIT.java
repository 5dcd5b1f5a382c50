package io.djorm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as a user runs it: {@code java -jar orm-cli.jar <command>} in a child process, in a
 * small Maven-shaped project on SQLite whose models were compiled against the jar. Every command is run;
 * output goes to a pipe (not a terminal), so it must carry no ANSI escape and no SLF4J warning.
 */
class OrmCliIT {
    private static final Path JAR = Path.of(System.getProperty("djorm.cli.jar", "target/orm-cli.jar")).toAbsolutePath();
    private static final Path SAMPLE = Path.of("src/test/resources/sample");

    @TempDir Path project;

    /** What one run printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String output) { }

    @BeforeEach
    void compileSampleProject() throws IOException {
        assertThat(JAR).as("the shaded jar (built by mvn package)").exists();
        Path classes = project.resolve("target/classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-cp", JAR.toString(), "-d", classes.toString()));
        try (Stream<Path> sources = Files.walk(SAMPLE)) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the sample project").isZero();
        Files.writeString(project.resolve("djorm.properties"), """
                DATABASES.default.ENGINE = sqlite
                DATABASES.default.NAME = shop.db
                INSTALLED_APPS = com.example.shop
                """);
    }

    private Run orm(Path workingDirectory, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(workingDirectory, env, command.toArray(String[]::new));
    }

    /** Runs a child process and checks that its output holds no SLF4J warning and no escape code. */
    private static Run run(Path workingDirectory, Map<String, String> env, String... command) throws Exception {
        List<String> args = List.of(command);
        ProcessBuilder builder = new ProcessBuilder(args).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        builder.environment().remove("DJORM_SETTINGS");
        builder.environment().remove("DJORM_CLASSPATH");
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("DJORM_CLI_JAR");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args) + " finished").isTrue();
        Run run = new Run(process.exitValue(), output);
        assertThat(output).as(String.join(" ", args) + " output").doesNotContain("SLF4J").doesNotContain("\u001b[");
        return run;
    }

    private Run orm(String... args) throws Exception {
        return orm(project, Map.of("DJORM_SETTINGS", "djorm.properties"), args);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void everyCommandRunsFromTheJar() throws Exception {
        Run pending = orm("makemigrations", "--check");
        assertThat(pending.exit()).as(pending.output()).isEqualTo(1);
        assertThat(pending.output()).contains("Changes without migrations:").contains("Create model Author");

        Run dryRun = orm("makemigrations", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("Migrations that would be written:").contains("\"operations\"");

        Run made = orm("makemigrations");
        assertThat(made.exit()).as(made.output()).isZero();
        assertThat(made.output()).contains("Migrations written:").contains("Create model Author").contains("Create model Book");
        assertThat(project.resolve("src/main/resources/migrations/shop/0001_initial.json")).exists();

        Run clean = orm("makemigrations", "--check");
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("No changes detected");

        Run empty = orm("makemigrations", "shop", "--empty", "--name", "notes");
        assertThat(empty.exit()).as(empty.output()).isZero();
        assertThat(project.resolve("src/main/resources/migrations/shop/0002_notes.json")).exists();

        Run listed = orm("showmigrations");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("shop\n [ ] 0001_initial\n [ ] 0002_notes");

        Run sql = orm("sqlmigrate", "shop", "0001");
        assertThat(sql.exit()).as(sql.output()).isZero();
        assertThat(sql.output()).startsWith("BEGIN;").contains("CREATE TABLE \"shop_author\"").endsWith("COMMIT;\n");

        Run plan = orm("migrate", "--plan");
        assertThat(plan.exit()).as(plan.output()).isZero();
        assertThat(plan.output()).contains("Planned operations:").contains("shop.0001_initial");

        Run migrated = orm("migrate");
        assertThat(migrated.exit()).as(migrated.output()).isZero();
        assertThat(migrated.output()).containsPattern("Applying shop\\.0001_initial\\.\\.\\. OK")
                .containsPattern("Applying shop\\.0002_notes\\.\\.\\. OK");
        assertThat(orm("showmigrations").output()).contains("shop\n [X] 0001_initial\n [X] 0002_notes");

        Run back = orm("migrate", "shop", "0001");
        assertThat(back.exit()).as(back.output()).isZero();
        assertThat(back.output()).containsPattern("Unapplying shop\\.0002_notes\\.\\.\\. OK");

        Run squashed = orm("squashmigrations", "shop", "0002");
        assertThat(squashed.exit()).as(squashed.output()).isZero();
        assertThat(squashed.output()).contains("Created new squashed migration");

        Run inspected = orm("inspectdb", "--app", "shop", "--package", "com.example.found");
        assertThat(inspected.exit()).as(inspected.output()).isZero();
        assertThat(inspected.output()).contains("package com.example.found;").contains("@Meta(dbTable = \"shop_author\", managed = false)")
                .contains("extends Model");

        Run help = orm("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Usage: orm").contains("showmigrations").contains("--classpath");

        Run badUsage = orm("migrate", "--no-such-option");
        assertThat(badUsage.exit()).isEqualTo(2);
        assertThat(badUsage.output()).contains("Unknown option: '--no-such-option'");

        Run failure = orm("sqlmigrate", "shop", "0099");
        assertThat(failure.exit()).isEqualTo(1);
        assertThat(failure.output()).startsWith("CommandError: ");
    }

    @Test
    void wrapperScriptKeepsAClassDataArchiveAndPrintsOnlyTheOutput(@TempDir Path cache) throws Exception {
        Path wrapper = Path.of("bin/orm").toAbsolutePath();
        Map<String, String> env = Map.of("DJORM_SETTINGS", "djorm.properties", "DJORM_CLI_JAR", JAR.toString(),
                "XDG_CACHE_HOME", cache.toString());
        assertThat(run(project, env, "sh", wrapper.toString(), "makemigrations").exit()).isZero();
        Path archive = cache.resolve("djorm").resolve(JAR.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        assertThat(archive).as("the archive the first run made").exists();
        Run listed = run(project, env, "sh", wrapper.toString(), "showmigrations");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).isEqualTo("shop\n [ ] 0001_initial\n");

        Run noJar = run(project, Map.of("DJORM_CLI_JAR", cache.resolve("missing.jar").toString()), "sh", wrapper.toString());
        assertThat(noJar.exit()).isEqualTo(2);
        assertThat(noJar.output()).contains("orm: no orm-cli jar");
    }

    @Test
    void classpathOptionFindsTheProjectFromAnotherDirectory(@TempDir Path elsewhere) throws Exception {
        String classes = project.resolve("target/classes").toString();
        Run made = orm(elsewhere, Map.of(), "--classpath", classes, "--settings", "com.example.shop.ShopSettings",
                "makemigrations");
        assertThat(made.exit()).as(made.output()).isZero();
        assertThat(made.output()).contains("Create model Book");
        assertThat(elsewhere.resolve("src/main/resources/migrations/shop/0001_initial.json")).exists();

        Run listed = orm(elsewhere, Map.of("DJORM_CLASSPATH", classes), "showmigrations",
                "--settings", "com.example.shop.ShopSettings");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("shop\n [ ] 0001_initial");

        Run missing = orm(elsewhere, Map.of(), "showmigrations", "--settings", "com.example.shop.ShopSettings");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("CommandError: --settings com.example.shop.ShopSettings is neither");
    }
}
