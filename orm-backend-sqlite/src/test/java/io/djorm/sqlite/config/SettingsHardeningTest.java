package io.djorm.sqlite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.DatabaseUrl;
import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.Transaction;
import io.djorm.core.TransactionManagementError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bad settings are refused with a message naming the setting, secrets never print (issue 15, cases 8, 9, 12, 13). */
class SettingsHardeningTest extends SqliteFileTest {

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
    void synchronousIsNormalWithWalFullWithoutAndConfigurable() {
        configure(Map.of());
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(1L); // NORMAL
        Djorm.shutdown();
        configure(Map.of("synchronous", "full"));
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(2L); // FULL
        Djorm.shutdown();
        configure(Map.of("journal_mode", "DELETE"));
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(2L);
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

    /**
     * Another thread opens an atomic block, inserts 1, and keeps the block open while {@code whileOpen}
     * runs here; then it inserts 2 in the same block and commits. Fails if the other thread failed.
     */
    private static void whileAnotherThreadHoldsABlock(ThrowingRunnable whileOpen) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Transaction.atomic(() -> {
                    Djorm.connection().execute("INSERT INTO t VALUES (1)");
                    inside.countDown();
                    try {
                        release.await();
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
        try {
            inside.await();
            whileOpen.run();
        } finally {
            release.countDown();
            worker.join();
        }
        assertThat(failure.get()).isNull();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void reconfiguringIsRefusedWhileAnotherThreadIsInsideAnAtomicBlock() throws Exception {
        configure(Map.of());
        Djorm.connection().execute("CREATE TABLE t (x INTEGER)");
        whileAnotherThreadHoldsABlock(() -> assertThatThrownBy(() -> configure(Map.of()))
                .isInstanceOf(TransactionManagementError.class)
                .hasMessageContaining("atomic block").hasMessageContaining("'default'"));
        assertThat(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0]).isEqualTo(2L);
        configure(Map.of()); // no block open any more
    }

    @Test
    void rawReadsDoNotTakeTheWriteLock() throws Exception {
        configure(Map.of("timeout", 0.2));
        Djorm.connection().execute("CREATE TABLE t (x INTEGER)");
        assertThat(Djorm.connection().query("PRAGMA wal_checkpoint(TRUNCATE)").rows().get(0)[0]).isEqualTo(0L);
        // Another thread holds the write lock; a raw read still runs (reads never wait for writers in WAL).
        whileAnotherThreadHoldsABlock(() -> assertThat(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0])
                .isEqualTo(0L));
        assertThat(Djorm.connection().query("SELECT COUNT(*) FROM t").rows().get(0)[0]).isEqualTo(2L);
    }
}
