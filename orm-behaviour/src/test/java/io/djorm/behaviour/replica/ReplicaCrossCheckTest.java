package io.djorm.behaviour.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.core.Djorm;
import io.djorm.core.SyncResult;
import io.djorm.testkit.TestDatabases;
import io.djorm.testkit.TursoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's cross-check: rows written by another process through the remote path equal, after
 * syncReplica(), the rows two embedded replicas of the same primary read (one that existed before the
 * writes and pulls incrementally, one bootstrapped after them).
 */
class ReplicaCrossCheckTest {
    private TursoServer server;

    @AfterEach
    void stop() {
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (server != null) server.close();
    }

    private static List<List<Object>> rows(String alias) {
        return Author.objects().using(alias).orderBy("id").valuesList("id", "name", "email", "slug").list();
    }

    @Test
    void rowsWrittenByAnotherProcessReachEveryReplicaExactly() throws Exception {
        server = TursoServer.start();
        Path dir = TestDatabases.tempDir("djorm-crosscheck-");
        Djorm.configure(Map.of("DATABASES", Map.of(
                "default", TestDatabases.settings("libsql-remote", dir, server.url()),
                "early", TestDatabases.settings("libsql-replica", dir.resolve("early"), server.url()))));
        Djorm.connection().createTables(Author.class);
        Djorm.connection("early").syncReplica();
        assertThat(rows("early")).isEmpty();

        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RemoteWriterMain.class.getName(), server.url(), "500")
                .inheritIO().start();
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).as("the writer process finished").isTrue();
        assertThat(writer.exitValue()).isZero();

        List<List<Object>> remote = rows("default");
        assertThat(remote).hasSize(500 - 50 + 1);
        assertThat(remote).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("renamed"));
        assertThat(remote).filteredOn(r -> "sevens".equals(r.get(3))).hasSize(50);

        SyncResult pulled = Djorm.connection("early").syncReplica();
        assertThat(pulled.pagesReceived()).isPositive();
        assertThat(rows("early")).isEqualTo(remote);

        Djorm.shutdown();
        Djorm.configure(Map.of("DATABASES", Map.of(
                "default", TestDatabases.settings("libsql-remote", dir, server.url()),
                "late", TestDatabases.settings("libsql-replica", dir.resolve("late"), server.url()))));
        Djorm.connection("late").syncReplica();
        assertThat(rows("late")).isEqualTo(remote);
    }
}
