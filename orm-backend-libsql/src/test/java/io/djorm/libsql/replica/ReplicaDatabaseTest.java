package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.OperationalError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.LibsqlBackend;
import io.djorm.libsql.ReplicaSync;
import io.djorm.core.SyncResult;
import io.djorm.testkit.TursoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica through ENGINE libsql (NAME a file, SYNC_URL the server) against the real tursodb. */
class ReplicaDatabaseTest {
    @TempDir
    Path dir;
    private TursoServer server;
    private PrimarySql primary;
    private Path file;

    @BeforeEach
    void start() {
        server = TursoServer.start();
        primary = new PrimarySql(server.url());
        file = dir.resolve("app.db");
        primary.run("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "INSERT INTO author (name) VALUES ('Le Guin'), ('Lem')");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Database open(Map<String, Object> options) {
        return new LibsqlBackend().open(new DatabaseSettings("default", Map.of("ENGINE", "libsql",
                "NAME", file.toString(), "SYNC_URL", server.url(), "OPTIONS", options)));
    }

    @Test
    void opensWithAPullAndReadsFromTheLocalFile() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            assertThat(db).isInstanceOf(ReplicaSync.class);
            assertThat(db.describe()).contains(file.toString()).contains(server.url());
            server.kill(); // from here on only the local file can answer
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem");
            assertThat(names(connection, "PRAGMA table_info(author)")).hasSize(2);
        }
    }

    @Test
    void aWriterReadsItsOwnWriteFromTheFile() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            connection.update(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Borges")));
            assertThat(LocalSql.query(file, "SELECT name FROM author WHERE id = 3")).containsExactly(List.of("Borges"));
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem", "Borges");
            assertThat(primary.query("SELECT count(*) FROM author")).containsExactly(List.of("3"));
        }
    }

    @Test
    void aReadSeesTheColumnsASchemaChangePulledIn() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            Statement everything = Statement.of("SELECT * FROM author ORDER BY id");
            try (RowCursor rows = connection.query(everything)) {
                assertThat(rows.columns()).containsExactly("id", "name");
            }
            connection.update(Statement.of("ALTER TABLE author ADD COLUMN born INTEGER"));
            connection.update(new Statement("UPDATE author SET born = ? WHERE id = 1", List.of(1929L)));
            // The same statement, read again from the file after the pull: the new column and its value.
            try (RowCursor rows = connection.query(everything)) {
                assertThat(rows.columns()).containsExactly("id", "name", "born");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(2)).isEqualTo(1929L);
            }
        }
    }

    @Test
    void aTransactionRunsOnThePrimaryAndIsPulledAfterCommit() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            connection.begin();
            connection.update(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Calvino")));
            assertThat(names(connection, "SELECT name FROM author WHERE id = 3")).containsExactly("Calvino");
            assertThat(LocalSql.count(file, "author")).as("the file changes only by pulls").isEqualTo(2);
            connection.commit();
            assertThat(LocalSql.count(file, "author")).isEqualTo(3);
            assertThat(names(connection, "SELECT name FROM author WHERE id = 3")).containsExactly("Calvino");
        }
    }

    @Test
    void enqueuedWritesAreSentAndPulledBeforeTheNextLocalRead() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            List<Long> counts = new ArrayList<>();
            connection.enqueue(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Eco")),
                    rows -> counts.add(rows.rowCount()));
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem", "Eco");
            assertThat(counts).containsExactly(1L);
        }
    }

    @Test
    void anInsertOutsideATransactionIsInTheFileBeforeAnotherConnectionReads() {
        try (Database db = open(Map.of()); Connection writer = db.connect(); Connection reader = db.connect()) {
            List<Object> keys = new ArrayList<>();
            writer.enqueueInsert(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Eco")), "\"id\"",
                    rows -> keys.add(rows.rows().get(0)[0]));
            assertThat(keys).containsExactly(3L);
            assertThat(LocalSql.query(file, "SELECT name FROM author WHERE id = 3")).containsExactly(List.of("Eco"));
            assertThat(names(reader, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem", "Eco");
        }
    }

    @Test
    void aKeyedInsertGoesToThePrimaryAndIsReadableAtOnce() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            List<Long> keys = new ArrayList<>();
            connection.enqueueKeyedInsert(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Eco")), "\"id\"",
                    keys::add);
            assertThat(keys).containsExactly(3L);
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem", "Eco");
            connection.begin();
            connection.enqueueKeyedInsert(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Calvino")),
                    "\"id\"", keys::add);
            connection.commit();
            assertThat(keys).containsExactly(3L, 4L);
            assertThat(names(connection, "SELECT name FROM author WHERE id = 4")).containsExactly("Calvino");
            java.util.Map<String, Long> byName = new java.util.LinkedHashMap<>();
            java.util.function.ObjLongConsumer<String> setter = byName::put;
            connection.enqueueKeyedInsert(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Borges")),
                    "\"id\"", "Borges", setter);
            connection.begin();
            connection.enqueueKeyedInsert(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Cortázar")),
                    "\"id\"", "Cortázar", setter);
            assertThat(byName).as("held by the primary until the commit").containsOnlyKeys("Borges");
            connection.commit();
            assertThat(byName).containsExactly(java.util.Map.entry("Borges", 5L), java.util.Map.entry("Cortázar", 6L));
            assertThat(names(connection, "SELECT name FROM author WHERE id = 6")).containsExactly("Cortázar");
        }
    }

    @Test
    void withThePrimaryDownReadsWorkAndWritesNameThePrimary() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            server.kill();
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem");
            assertThatThrownBy(() -> connection.update(new Statement("INSERT INTO author (name) VALUES (?)",
                    List.of("Nobody")))).isInstanceOf(OperationalError.class).hasMessageContaining("127.0.0.1:" + server.port());
            assertThatThrownBy(((ReplicaSync) db)::syncReplica)
                    .isInstanceOf(OperationalError.class).hasMessageContaining(server.url());
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem");
        }
    }

    @Test
    void reopeningOfflineServesTheLastSyncedState() {
        open(Map.of()).close();
        server.kill();
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem");
        }
    }

    @Test
    void syncReplicaBringsInOtherClientsChanges() {
        try (Database db = open(Map.of()); Connection connection = db.connect()) {
            primary.run("UPDATE author SET name = 'Stanislaw Lem' WHERE id = 2");
            assertThat(names(connection, "SELECT name FROM author WHERE id = 2")).containsExactly("Lem");
            SyncResult result = ((ReplicaSync) connection).syncReplica();
            assertThat(result.pagesReceived()).isPositive();
            assertThat(names(connection, "SELECT name FROM author WHERE id = 2")).containsExactly("Stanislaw Lem");
        }
    }

    @Test
    void backgroundSyncFollowsThePrimaryAndCountsFailuresWhileReadsGoOn() throws Exception {
        try (Database db = open(Map.of("SYNC_INTERVAL", 0.1)); Connection connection = db.connect()) {
            primary.run("INSERT INTO author (name) VALUES ('Tolstoy')");
            awaitTrue(() -> names(connection, "SELECT name FROM author ORDER BY id").contains("Tolstoy"));
            assertThat(((ReplicaSync) db).backgroundSyncFailures()).isZero();

            server.kill();
            awaitTrue(() -> ((ReplicaSync) db).backgroundSyncFailures() >= 2);
            assertThat(names(connection, "SELECT name FROM author ORDER BY id")).containsExactly("Le Guin", "Lem", "Tolstoy");
        }
    }

    static List<String> names(Connection connection, String sql) {
        List<String> values = new ArrayList<>();
        try (RowCursor rows = connection.query(Statement.of(sql))) {
            while (rows.next()) values.add(rows.getString(rows.columns().size() == 1 ? 0 : 1));
        }
        return values;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
