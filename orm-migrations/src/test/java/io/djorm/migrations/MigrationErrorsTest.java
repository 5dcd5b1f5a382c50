package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.spi.Connection;
import io.djorm.sqlite.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken migration files and failing operations: clear errors naming the file, nothing half-applied. */
class MigrationErrorsTest extends MemorySqliteTest {
    @TempDir Path dir;
    private final List<String> output = new ArrayList<>();

    private Migrations project() {
        return new Migrations(MigrationScenarioTest.v1(), db, new SqliteDialect(), dir, output::add);
    }

    private void initial() {
        project().makeMigrations(Set.of(), null, false, false, RenameQuestioner.hints(List.of(), false));
    }

    private Path write(String app, String name, String json) throws Exception {
        Path file = dir.resolve(app).resolve(name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() throws Exception {
        Path file = write("shop", "0001_initial", "{\n  \"operations\": [ oops ]\n}\n");
        assertThatThrownBy(() -> project().migrate(Map.of(), false, false)).isInstanceOf(MigrationError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON (line 2");
    }

    @Test
    void missingDependencyNamesTheFile() throws Exception {
        initial();
        Path file = write("shop", "0002_more", "{\"dependencies\": [[\"shop\", \"0001_initial\"], [\"billing\", \"0001_initial\"]],"
                + " \"operations\": []}");
        assertThatThrownBy(() -> project().migrate(Map.of(), false, false)).isInstanceOf(MigrationError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("billing.0001_initial, which does not exist");
    }

    @Test
    void conflictNamesBothLeaves() throws Exception {
        initial();
        Path a = write("shop", "0002_a", "{\"dependencies\": [[\"shop\", \"0001_initial\"]], \"operations\": []}");
        Path b = write("shop", "0002_b", "{\"dependencies\": [[\"shop\", \"0001_initial\"]], \"operations\": []}");
        assertThatThrownBy(() -> project().showMigrations()).isInstanceOf(MigrationError.class)
                .hasMessageContaining("Conflicting migrations in app 'shop'").hasMessageContaining(a.toString())
                .hasMessageContaining(b.toString());
    }

    @Test
    void failingRunJavaRollsItsMigrationBackAndNamesTheFile() throws Exception {
        initial();
        Path file = write("people", "0002_fix", "{\"dependencies\": [[\"people\", \"0001_initial\"]], \"operations\": ["
                + "{\"op\": \"AddField\", \"model\": \"Author\", \"field\": {\"name\": \"age\", \"type\": \"IntegerField\","
                + " \"kind\": \"io.djorm.core.internal.fields.IntegerType\", \"null\": true}},"
                + "{\"op\": \"RunJava\", \"class\": \"" + FailingCode.class.getName() + "\"}]}");
        assertThatThrownBy(() -> project().migrate(Map.of(), false, false)).isInstanceOf(MigrationError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("data fix failed on purpose");
        assertThat(output).contains("  Applying people.0002_fix... FAILED");
        // the earlier migrations stay applied; the failing one left no column, no row and no record
        assertThat(rows(db, "SELECT name FROM pragma_table_info('people_author')")).extracting(r -> r.get(0))
                .containsExactly("id", "name");
        assertThat(rows(db, "SELECT count(*) FROM people_author")).containsExactly(List.of(0L));
        assertThat(project().showMigrations()).contains(" [X] 0001_initial", " [ ] 0002_fix");
        assertThat(rows(db, "PRAGMA foreign_keys")).containsExactly(List.of(1L));
    }

    @Test
    void irreversibleMigrationStopsBackwardsBeforeChangingAnything() throws Exception {
        initial();
        write("people", "0002_sql", "{\"dependencies\": [[\"people\", \"0001_initial\"]], \"operations\": ["
                + "{\"op\": \"RunSQL\", \"sql\": [\"INSERT INTO people_author (name) VALUES ('x')\"]}]}");
        project().migrate(Map.of(), false, false);
        assertThatThrownBy(() -> project().migrate(Map.of("people", "zero"), false, false))
                .isInstanceOf(MigrationError.class).hasMessageContaining("irreversible");
        assertThat(project().showMigrations()).contains(" [X] 0002_sql");
    }

    @Test
    void sqlMigrateRendersWithoutRunningAndFakeRecordsOnly() {
        initial();
        List<String> sql = project().sqlMigrate("shop", "0001", false);
        assertThat(sql.get(0)).startsWith("CREATE TABLE \"shop_tag\"");
        assertThat(rows(db, "SELECT name FROM sqlite_master WHERE name LIKE 'shop_%'")).isEmpty();
        project().migrate(Map.of(), true, false);
        assertThat(output).contains("  Applying shop.0001_initial... FAKED");
        assertThat(rows(db, "SELECT name FROM sqlite_master WHERE name LIKE 'shop_%'")).isEmpty();
    }

    @Test
    void squashedMigrationReplacesItsRangeAndBuildsTheSameSchema() throws Exception {
        initial();
        write("people", "0002_age", "{\"dependencies\": [[\"people\", \"0001_initial\"]], \"operations\": ["
                + "{\"op\": \"AddField\", \"model\": \"Author\", \"field\": {\"name\": \"age\", \"type\": \"IntegerField\","
                + " \"kind\": \"io.djorm.core.internal.fields.IntegerType\", \"null\": true}}]}");
        project().migrate(Map.of(), false, false);
        Map<String, List<Object>> expected = Fixtures.schema(db);
        project().migrate(Map.of("people", "zero", "shop", "zero"), false, false);

        Path squashed = project().squashMigrations("people", null, "0002", null);
        assertThat(squashed.getFileName().toString()).isEqualTo("0001_squashed_0002.json");
        assertThat(Files.readString(squashed)).contains("\"replaces\"").contains("\"0001_initial\"").contains("\"0002_age\"");
        // with the old files gone, the squashed one alone rebuilds the same schema
        Files.delete(dir.resolve("people/0001_initial.json"));
        Files.delete(dir.resolve("people/0002_age.json"));
        Files.writeString(dir.resolve("shop/0001_initial.json"), Files.readString(dir.resolve("shop/0001_initial.json"))
                .replace("\"0001_initial\"", "\"0001_squashed_0002\""));
        project().migrate(Map.of(), false, false);
        assertThat(Fixtures.schema(db)).isEqualTo(expected);
        assertThat(project().showMigrations()).contains("people", " [X] 0001_squashed_0002");
    }

    @Test
    void backendWithoutAnOperationSaysSoAndChangesNothing() throws Exception {
        initial();
        write("people", "0002_index", "{\"dependencies\": [[\"people\", \"0001_initial\"]], \"operations\": ["
                + "{\"op\": \"AddIndex\", \"model\": \"Author\", \"index\": {\"name\": \"author_name\", \"fields\": [\"name\"]}}]}");
        SqliteDialect limited = new SqliteDialect() {
            @Override
            public io.djorm.core.spi.SchemaEditor schemaEditor(Connection c, io.djorm.core.spi.ModelResolver models) {
                io.djorm.core.spi.SchemaEditor full = super.schemaEditor(c, models);
                return new MinimalEditor(full);
            }
        };
        Migrations migrations = new Migrations(MigrationScenarioTest.v1(), db, limited, dir, output::add);
        assertThatThrownBy(() -> migrations.migrate(Map.of(), false, false)).isInstanceOf(MigrationError.class)
                .hasMessageContaining("people/0001_initial.json").hasMessageContaining("cannot atomic");
        assertThat(rows(db, "SELECT name FROM sqlite_master WHERE name = 'people_author'")).isEmpty();
    }

    /** An editor that implements only the abstract SPI methods, like a backend written before the SPI grew. */
    private record MinimalEditor(io.djorm.core.spi.SchemaEditor full) implements io.djorm.core.spi.SchemaEditor {
        @Override public List<String> createModelSql(io.djorm.core.meta.ModelMeta m) { return full.createModelSql(m); }
        @Override public void createModel(io.djorm.core.meta.ModelMeta m) { full.createModel(m); }
        @Override public void deleteModel(io.djorm.core.meta.ModelMeta m) { full.deleteModel(m); }
        @Override public void addField(io.djorm.core.meta.ModelMeta m, io.djorm.core.meta.FieldMeta f) { full.addField(m, f); }
        @Override public void removeField(io.djorm.core.meta.ModelMeta m, io.djorm.core.meta.FieldMeta f) { full.removeField(m, f); }
        @Override public void alterField(io.djorm.core.meta.ModelMeta m, io.djorm.core.meta.FieldMeta a, io.djorm.core.meta.FieldMeta b) {
            full.alterField(m, a, b);
        }
        @Override public void alterDbTable(io.djorm.core.meta.ModelMeta m, String a, String b) { full.alterDbTable(m, a, b); }
        @Override public List<String> executedSql() { return full.executedSql(); }
    }
}
