package io.djorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.meta.ModelMeta;
import io.djorm.sqlite.SqliteDialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrmCommandTest extends MemorySqliteTest {
    @TempDir Path dir;
    private List<ModelMeta> models = MigrationScenarioTest.v1();
    private final StringWriter text = new StringWriter();

    private int orm(String... args) {
        text.getBuffer().setLength(0);
        return OrmCommand.run(out -> new Migrations(new ArrayList<>(models), db, new SqliteDialect(), dir, out),
                new PrintWriter(text), args);
    }

    @Test
    void makemigrationsMigrateCheckAndShow() {
        assertThat(orm("makemigrations", "--check")).isEqualTo(1);
        assertThat(text.toString()).contains("Changes without migrations:").contains("Create model Book");
        assertThat(orm("makemigrations")).isZero();
        assertThat(orm("makemigrations", "--check")).isZero();
        assertThat(text.toString()).contains("No changes detected");
        assertThat(orm("migrate", "--plan")).isZero();
        assertThat(text.toString()).contains("Apply people.0001_initial").contains("Create model Author");
        assertThat(orm("migrate")).isZero();
        assertThat(text.toString()).containsPattern("Applying shop\\.0001_initial\\.\\.\\. OK \\(\\d+ ms\\)");
        assertThat(orm("showmigrations")).isZero();
        assertThat(text.toString()).contains("shop\n [X] 0001_initial");
        assertThat(orm("sqlmigrate", "shop", "0001")).isZero();
        assertThat(text.toString()).startsWith("BEGIN;\nCREATE TABLE \"shop_tag\"");
        assertThat(orm("migrate", "shop", "zero")).isZero();
        assertThat(text.toString()).contains("Unapplying shop.0001_initial... OK");
        assertThat(orm("migrate", "shop", "0009")).isEqualTo(1);
        assertThat(text.toString()).contains("CommandError: App 'shop' has no migration named '0009'.");
    }

    @Test
    void renamesNeedConfirmation() {
        assertThat(orm("makemigrations")).isZero();
        models = MigrationScenarioTest.v2();
        assertThat(orm("makemigrations")).isEqualTo(1);
        assertThat(text.toString()).contains("--rename people.Author=Writer");
        assertThat(orm("makemigrations", "--rename", "people.Author=Writer", "--rename", "shop.Book.title=heading")).isZero();
        assertThat(text.toString()).contains("Rename field title on book to heading");
    }

    @Test
    void mergeJoinsBranchesFromTheCommandLine() throws Exception {
        assertThat(orm("makemigrations", "--merge")).isZero();
        assertThat(text.toString()).contains("No conflicts detected to merge.");
        assertThat(orm("makemigrations")).isZero();
        // A second 0002 beside the first: two branches on top of shop.0001_initial.
        assertThat(orm("makemigrations", "shop", "--empty", "--name", "one")).isZero();
        Files.move(dir.resolve("shop/0002_one.json"), dir.resolve("aside.json"));
        assertThat(orm("makemigrations", "shop", "--empty", "--name", "two")).isZero();
        Files.move(dir.resolve("aside.json"), dir.resolve("shop/0002_one.json"));
        assertThat(orm("migrate")).isEqualTo(1);
        assertThat(text.toString()).contains("Conflicting migrations in app 'shop'").contains("makemigrations --merge");
        assertThat(orm("makemigrations", "--merge")).isZero();
        assertThat(text.toString()).contains("Created new merge migration").contains("0003_merge_0002_one_0002_two.json");
        assertThat(orm("migrate")).isZero();
        assertThat(orm("showmigrations")).isZero();
        assertThat(text.toString()).contains(" [X] 0002_one\n [X] 0002_two\n [X] 0003_merge_0002_one_0002_two");
    }
}
