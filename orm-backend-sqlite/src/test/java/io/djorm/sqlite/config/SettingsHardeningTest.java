package io.djorm.sqlite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.DatabaseUrl;
import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings are refused with a message naming the setting, secrets never print (issue 15, cases 8, 9, 12, 13). */
class SettingsHardeningTest {
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    private void configure(Map<String, Object> options) {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite",
                "NAME", dir.resolve("s.db").toString(), "OPTIONS", options))));
    }

    @Test
    void aMisspelledOptionIsRefusedListingTheValidKeys() {
        assertThatThrownBy(() -> configure(Map.of("timeoutt", 3))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("'timeoutt'").hasMessageContaining("timeout, transaction_mode");
        configure(Map.of("TIMEOUT", 3, "pool_size", 2)); // case does not matter
    }

    @Test
    void aBadJournalModeNamesTheSetting() {
        assertThatThrownBy(() -> configure(Map.of("journal_mode", "BOGUS"))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("OPTIONS.journal_mode is 'BOGUS'").hasMessageContaining("WAL");
        assertThatThrownBy(() -> configure(Map.of("synchronous", "sometimes"))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("OPTIONS.synchronous").hasMessageContaining("NORMAL");
    }

    @Test
    void synchronousIsFullByDefaultAndConfigurable() {
        configure(Map.of());
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(2L); // FULL
        Djorm.shutdown();
        configure(Map.of("synchronous", "normal"));
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(1L); // NORMAL
    }

    @Test
    void aBrokenPercentEscapeInTheUrlIsImproperlyConfigured() {
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:///data%")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("%25");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:///data.db?timeout=%zz")).isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void secretsUnderOptionsDoNotPrint() {
        DatabaseSettings s = new DatabaseSettings("default", Map.of("ENGINE", "libsql", "PASSWORD", "p4ss",
                "OPTIONS", Map.of("authToken", "s3cret", "auth_token", "s3cret2", "TIMEOUT", 3)));
        assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("p4ss").contains("TIMEOUT=3");
    }

    @Test
    void aModelOutsideInstalledAppsIsRefusedAtFirstUse() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("a.db").toString())),
                "INSTALLED_APPS", List.of("io.djorm.sqlite.config")));
        assertThatThrownBy(() -> io.djorm.sqlite.stray.Stray.objects().count()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("io.djorm.sqlite.stray.Stray").hasMessageContaining("INSTALLED_APPS");
        io.djorm.sqlite.stray.Stray s = new io.djorm.sqlite.stray.Stray();
        s.text = "x";
        assertThatThrownBy(s::save).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("INSTALLED_APPS");
        Djorm.connection().createTables(Note.class);
        assertThat(Note.objects().count()).isZero();
    }

    @Test
    void reconfiguringIsRefusedWhileAnotherThreadIsInsideAnAtomicBlock() throws Exception {
        configure(Map.of());
        Djorm.connection().execute("CREATE TABLE t (x INTEGER)");
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch reconfigured = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Transaction.atomic(() -> {
                    Djorm.connection().execute("INSERT INTO t VALUES (1)");
                    inside.countDown();
                    try {
                        reconfigured.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Djorm.connection().execute("INSERT INTO t VALUES (2)"); // still in the same block
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        inside.await();
        try {
            assertThatThrownBy(() -> configure(Map.of())).isInstanceOf(io.djorm.core.TransactionManagementError.class)
                    .hasMessageContaining("atomic block").hasMessageContaining("'default'");
        } finally {
            reconfigured.countDown();
            worker.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0]).isEqualTo(2L);
        configure(Map.of()); // no block open any more
    }

    @Test
    void rawReadsDoNotTakeTheWriteLock() throws Exception {
        configure(Map.of("timeout", 0.2));
        Djorm.connection().execute("CREATE TABLE t (x INTEGER)");
        Djorm.connection().execute("INSERT INTO t VALUES (1)");
        assertThat(Djorm.connection().query("PRAGMA wal_checkpoint(TRUNCATE)").rows().get(0)[0]).isEqualTo(0L);
        // Another thread holds the write lock; a raw read still runs (reads never wait for writers in WAL).
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> Transaction.atomic(() -> {
            Djorm.connection().execute("INSERT INTO t VALUES (2)");
            inside.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        writer.start();
        try {
            inside.await();
            assertThat(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0]).isEqualTo(1L);
        } finally {
            done.countDown();
            writer.join();
        }
        assertThat(List.of(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0])).containsExactly(2L);
    }
}
