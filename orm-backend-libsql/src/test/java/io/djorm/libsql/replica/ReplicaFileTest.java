package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.OperationalError;
import io.djorm.core.SyncResult;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.testkit.TursoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull engine against the real tursodb sync server. */
class ReplicaFileTest {
    private static final int PAGE = 4096;
    @TempDir
    Path dir;
    private TursoServer server;
    private PrimarySql primary;
    private Path file;

    @BeforeEach
    void start() {
        server = TursoServer.start();
        primary = new PrimarySql(server.url());
        file = dir.resolve("replica.db");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bootstrapsWithAFullPullThenPullsOnlyChangedPages() throws Exception {
        primary.run("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)",
                "INSERT INTO book (title) VALUES ('Dune'), ('Emma'), ('Ulysses')");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            assertThat(replica.revision()).isEmpty();

            SyncResult bootstrap = replica.pull();
            long filePages = Files.size(file) / PAGE;
            assertThat(bootstrap.pagesReceived()).isEqualTo(filePages).isGreaterThanOrEqualTo(2);
            assertThat(bootstrap.bytesReceived()).isGreaterThan(filePages * PAGE);
            assertThat(replica.revision()).isEqualTo(bootstrap.revision()).isNotEmpty();
            assertThat(LocalSql.query(file, "SELECT title FROM book ORDER BY id"))
                    .containsExactly(List.of("Dune"), List.of("Emma"), List.of("Ulysses"));

            primary.run("INSERT INTO book (title) VALUES ('Walden')");
            SyncResult incremental = replica.pull();
            assertThat(incremental.pagesReceived()).isEqualTo(1);
            assertThat(incremental.revision()).isNotEqualTo(bootstrap.revision());
            assertThat(LocalSql.count(file, "book")).isEqualTo(4);

            SyncResult idle = replica.pull();
            assertThat(idle.pagesReceived()).isZero();
            assertThat(idle.revision()).isEqualTo(incremental.revision());
            assertThat(LocalSql.integrityCheck(file)).isEqualTo("ok");
        }
    }

    @Test
    void reopenedReplicaContinuesFromItsStoredRevision() throws Exception {
        primary.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t (v) VALUES ('a')");
        String revision;
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            revision = replica.pull().revision();
        }
        primary.run("INSERT INTO t (v) VALUES ('b')");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            assertThat(replica.revision()).isEqualTo(revision);
            assertThat(replica.pull().pagesReceived()).isEqualTo(1);
            assertThat(LocalSql.count(file, "t")).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("replica.db.djorm-replica.json"))).contains(server.url())
                .doesNotContainIgnoringCase("token");
    }

    @Test
    void aOneRowUpdateOnAFiveMegabyteDatabaseMovesAtMostEightPages() throws Exception {
        primary.run("CREATE TABLE blob_store (id INTEGER PRIMARY KEY, payload BLOB, note TEXT)",
                "INSERT INTO blob_store (payload, note) SELECT randomblob(1000), 'n' FROM generate_series(1, 6000)");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            replica.pull();
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(5L * 1024 * 1024);

            primary.run("UPDATE blob_store SET note = 'changed' WHERE id = 4321");
            SyncResult afterUpdate = replica.pull();

            assertThat(afterUpdate.pagesReceived()).isBetween(1L, 8L);
            assertThat(afterUpdate.bytesReceived()).isLessThanOrEqualTo(8L * (PAGE + 16) + 64);
            assertThat(LocalSql.query(file, "SELECT note FROM blob_store WHERE id = 4321"))
                    .containsExactly(List.of("changed"));
            assertThat(LocalSql.integrityCheck(file)).isEqualTo("ok");
        }
    }

    @Test
    void aFileOfAnotherPrimaryIsRefusedWithBothUrlsAndTheFix() {
        primary.run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            replica.pull();
        }
        String other = "http://127.0.0.1:9";
        assertThatThrownBy(() -> Replicas.open(file, other))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining(server.url())
                .hasMessageContaining(other)
                .hasMessageContaining("SYNC_URL")
                .hasMessageContaining("delete");
        try (ReplicaFile again = Replicas.open(file, server.url() + "/")) {
            assertThat(again.revision()).isNotEmpty();
        }
    }

    @Test
    void aPlainSqliteFileIsNeverOverwritten() throws Exception {
        Files.write(file, new byte[PAGE]);
        assertThatThrownBy(() -> Replicas.open(file, server.url()))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("not an embedded replica");
        assertThat(Files.readAllBytes(file)).isEqualTo(new byte[PAGE]);
    }

    @Test
    void aFileIsAReplicaOfOnlyOneOpenerAtATime() {
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            assertThatThrownBy(() -> Replicas.open(file, server.url()))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("already open");
        }
    }

    @Test
    void offlineReadsKeepTheLastStateAndPullNamesThePrimary() {
        primary.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t (v) VALUES ('kept')");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            String revision = replica.pull().revision();
            server.kill();

            assertThatThrownBy(replica::pull)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining(server.url())
                    .hasMessageContaining("timeout");
            assertThat(replica.revision()).isEqualTo(revision);
            try (var guard = replica.readLock()) {
                assertThat(LocalSql.query(file, "SELECT v FROM t")).containsExactly(List.of("kept"));
            }
            assertThat(Files.exists(dir.resolve("replica.db.djorm-replica.redo"))).isFalse();

            server.restart();
            primary.run("INSERT INTO t (v) VALUES ('after')");
            assertThat(replica.pull().pagesReceived()).isPositive();
            assertThat(LocalSql.count(file, "t")).isEqualTo(2);
        }
    }

    @Test
    void aCheckpointedPrimaryThatCannotServeACompleteCopyIsReportedAsSuch() {
        primary.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t (v) VALUES ('a')",
                "INSERT INTO t (v) VALUES ('b')");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            String before = replica.pull().revision();
            primary.run("PRAGMA wal_checkpoint(TRUNCATE)");
            primary.run("INSERT INTO t (v) VALUES ('c')");

            // tursodb serves only the pages written since the checkpoint: no complete copy to rebuild from.
            assertThatThrownBy(replica::pull)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("cannot serve a complete copy")
                    .hasMessageContaining("keeps its last synced state (revision " + before + ")");
            assertThat(replica.revision()).isEqualTo(before);
            assertThat(LocalSql.count(file, "t")).isEqualTo(2);
        }
    }
}
