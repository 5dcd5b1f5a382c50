package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.LibsqlBackend;
import io.djorm.libsql.ReplicaSync;
import io.djorm.testkit.TursoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers on several threads never see a mix of two states: a writer moves money between accounts on
 * the primary (the total never changes) while pulls land, and every local read must find the total.
 */
class ConcurrentReadersTest {
    private static final int ACCOUNTS = 300;
    private static final long TOTAL = ACCOUNTS * 1000L;
    private static final int READERS = 3;
    @TempDir
    Path dir;

    @Test
    void everyReadSeesAConsistentStateWhilePullsLand() throws Exception {
        try (TursoServer server = TursoServer.start()) {
            // padding spreads the accounts over many pages, so a torn apply would break the total
            new PrimarySql(server.url()).run(
                    "CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, padding TEXT)",
                    "INSERT INTO account (balance, padding) SELECT 1000, printf('%.300c', 'x') FROM generate_series(1, "
                            + ACCOUNTS + ")");
            DatabaseSettings settings = new DatabaseSettings("default", Map.of("ENGINE", "libsql",
                    "NAME", dir.resolve("bank.db").toString(), "SYNC_URL", server.url(),
                    "OPTIONS", Map.of("SYNC_INTERVAL", 0.05)));
            try (Database db = new LibsqlBackend().open(settings)) {
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong reads = new AtomicLong();
                List<String> violations = new CopyOnWriteArrayList<>();
                Set<Long> balancesSeen = ConcurrentHashMap.newKeySet();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    Thread thread = new Thread(() -> {
                        try (Connection reader = db.connect()) {
                            while (running.get()) {
                                long[] sumAndFirst = sumAndFirstBalance(reader);
                                if (sumAndFirst[0] != TOTAL) violations.add("total " + sumAndFirst[0]);
                                balancesSeen.add(sumAndFirst[1]);
                                reads.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            violations.add(e.toString());
                        }
                    }, "reader-" + i);
                    thread.start();
                    threads.add(thread);
                }
                int transfers = 0;
                try (Connection writer = db.connect()) {
                    // Runs until enough work was seen, not for a fixed time: a loaded machine only takes longer.
                    long cap = System.nanoTime() + 120_000_000_000L;
                    while ((transfers < 60 || reads.get() <= 100 || balancesSeen.size() <= 5) && System.nanoTime() < cap) {
                        int from = 1 + (transfers % 3 == 0 ? 0 : ThreadLocalRandom.current().nextInt(ACCOUNTS));
                        int to = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
                        if (from == to) continue;
                        writer.update(new Statement("UPDATE account SET balance = balance + CASE id WHEN ? THEN -7 ELSE 7 END"
                                + " WHERE id IN (?, ?)", List.of((long) from, (long) from, (long) to)));
                        transfers++;
                    }
                    ((ReplicaSync) db).syncReplica();
                    assertThat(sumAndFirstBalance(writer)[0]).isEqualTo(TOTAL);
                }
                running.set(false);
                for (Thread thread : threads) thread.join();

                System.out.printf("concurrent readers: %d reads, %d transfers, %d distinct balances of account 1%n",
                        reads.get(), transfers, balancesSeen.size());
                assertThat(violations).isEmpty();
                assertThat(transfers).isGreaterThanOrEqualTo(60);
                assertThat(reads.get()).isGreaterThan(100);
                assertThat(balancesSeen).as("readers saw the pulls land").hasSizeGreaterThan(5);
                assertThat(((ReplicaSync) db).backgroundSyncFailures()).isZero();
            }
        }
    }

    private static long[] sumAndFirstBalance(Connection connection) {
        try (RowCursor rows = connection.query(Statement.of(
                "SELECT sum(balance), (SELECT balance FROM account WHERE id = 1) FROM account"))) {
            rows.next();
            return new long[] {rows.getLong(0), rows.getLong(1)};
        }
    }
}
