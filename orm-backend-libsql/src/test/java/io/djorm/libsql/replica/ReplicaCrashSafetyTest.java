package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.OperationalError;
import io.djorm.libsql.internal.replica.ApplyStep;
import io.djorm.libsql.internal.replica.FaultInjector;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.testkit.TursoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pull stopped at any step of its write path, by an exception or by SIGKILL, leaves the replica in
 * its old state or its new one after reopening, and the file passes {@code PRAGMA integrity_check}.
 */
class ReplicaCrashSafetyTest {
    private static final int OLD_ROWS = 50;
    private static final int NEW_ROWS = 400;
    private static TursoServer server;
    private static PrimarySql primary;
    private Path file;
    private String oldRevision;

    @TempDir
    static Path classesCopy;
    private static String childClasspath;
    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        childClasspath = snapshotClasspath();
        server = TursoServer.start();
        primary = new PrimarySql(server.url());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A fresh table per test, replicated in its old state; the primary then moves on to the new one. */
    @BeforeEach
    void replicateOldStateThenChangePrimary() throws Exception {
        file = dir.resolve("replica.db");
        primary.run("DROP TABLE IF EXISTS item",
                "CREATE TABLE item (id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO item (body) SELECT printf('%.500c', 'o') FROM generate_series(1, " + OLD_ROWS + ")");
        try (ReplicaFile replica = Replicas.open(file, server.url())) {
            oldRevision = replica.pull().revision();
        }
        // enough new rows to span many pages, so a partial apply would be visible
        primary.run("INSERT INTO item (body) SELECT printf('%.500c', 'n') FROM generate_series(1, "
                + (NEW_ROWS - OLD_ROWS) + ")", "UPDATE item SET body = 'changed' WHERE id = 1");
    }

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void anExceptionAtAnyStepLeavesOldOrNewStateAfterReopening(ApplyStep step) {
        try (ReplicaFile replica = Replicas.open(file, server.url(), FaultInjector.failOnceAt(step))) {
            assertThatThrownBy(replica::pull).isInstanceOf(FaultInjector.InjectedFault.class);
        }
        // A pull that fails while sealing its redo file drops it: the database file was not touched yet.
        assertReopensIn(step.compareTo(ApplyStep.REDO_SYNCED) <= 0 ? State.OLD : State.NEW);
    }

    @ParameterizedTest
    @EnumSource(ApplyStep.class)
    void aSigkillAtAnyStepLeavesOldOrNewStateAfterReopening(ApplyStep step) throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", childClasspath,
                PullUntilStep.class.getName(), file.toString(), server.url(), step.name())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals(PullUntilStep.REACHED + step)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output:\n%s", seen).isEqualTo(PullUntilStep.REACHED + step);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        // A killed process leaves its written bytes to the OS: once the commit record is written, roll forward.
        assertReopensIn(step == ApplyStep.REDO_PAGES_WRITTEN ? State.OLD : State.NEW);
    }

    @Test
    void readersAreStoppedWhileAFailedApplyAwaitsCompletionAndTheNextPullCompletesIt() {
        try (ReplicaFile replica = Replicas.open(file, server.url(),
                FaultInjector.failOnceAt(ApplyStep.DATABASE_PAGE_WRITTEN))) {
            assertThatThrownBy(replica::pull).isInstanceOf(FaultInjector.InjectedFault.class);
            assertThatThrownBy(replica::readLock)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("interrupted pull");

            replica.pull();
            try (var guard = replica.readLock()) {
                assertNewState(replica.revision());
            }
        }
    }

    @Test
    void aFailedDownloadLeavesNoRedoFileAndTheOldState() {
        try (ReplicaFile replica = Replicas.open(file, server.url(),
                FaultInjector.failOnceAt(ApplyStep.REDO_PAGES_WRITTEN))) {
            assertThatThrownBy(replica::pull).isInstanceOf(FaultInjector.InjectedFault.class);
            assertThat(Files.exists(dir.resolve("replica.db.djorm-replica.redo"))).isFalse();
            try (var guard = replica.readLock()) {
                assertOldState(replica.revision());
            }
        }
    }

    private enum State { OLD, NEW }

    private void assertReopensIn(State expected) {
        try (ReplicaFile reopened = Replicas.open(file, server.url())) {
            assertThat(LocalSql.integrityCheck(file)).isEqualTo("ok");
            if (expected == State.OLD) {
                assertOldState(reopened.revision());
            } else {
                assertNewState(reopened.revision());
            }
            assertThat(Files.exists(dir.resolve("replica.db.djorm-replica.redo"))).isFalse();
        }
    }

    private void assertOldState(String revision) {
        assertThat(revision).isEqualTo(oldRevision);
        assertThat(LocalSql.query(file, "SELECT count(*), min(body) FROM item"))
                .containsExactly(List.of(String.valueOf(OLD_ROWS), "o".repeat(500)));
    }

    private void assertNewState(String revision) {
        assertThat(revision).isNotEqualTo(oldRevision);
        assertThat(LocalSql.query(file, "SELECT count(*), min(body) FROM item"))
                .containsExactly(List.of(String.valueOf(NEW_ROWS), "changed"));
    }

    /**
     * The child's classpath: a private copy of this module's compiled classes ahead of the test JVM's
     * own classpath, so a concurrent rebuild of {@code target/} cannot pull classes from under it.
     */
    private static String snapshotClasspath() throws Exception {
        Path copy = classesCopy;
        List<Path> roots = List.of(codeSource(ReplicaFile.class), codeSource(PullUntilStep.class));
        StringBuilder classpath = new StringBuilder();
        for (int i = 0; i < roots.size(); i++) {
            Path target = copy.resolve(String.valueOf(i));
            try (var files = Files.walk(roots.get(i))) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path destination = target.resolve(roots.get(i).relativize(source).toString());
                    if (Files.isDirectory(source)) Files.createDirectories(destination);
                    else Files.copy(source, destination);
                }
            }
            classpath.append(target).append(java.io.File.pathSeparator);
        }
        return classpath.append(System.getProperty("java.class.path")).toString();
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
