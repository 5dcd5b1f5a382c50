package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.SyncResult;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.testkit.TursoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what a pull costs after 1, 100 and 10,000 changed rows of a 20,000-row table (about 3 MB),
 * against the real server on loopback, and prints the numbers. The assertions pin the shape: cost
 * grows with the pages touched, never with the database.
 */
class PullMeasurementsTest {
    private static final int ROWS = 20_000;
    private static final int PAGE = 4096;
    @TempDir
    Path dir;

    @Test
    void pullCostFollowsTheChangedPages() throws Exception {
        try (TursoServer server = TursoServer.start();
             ReplicaFile replica = Replicas.open(dir.resolve("m.db"), server.url())) {
            PrimarySql primary = new PrimarySql(server.url());
            primary.run("CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, label TEXT)",
                    "INSERT INTO item (qty, label) SELECT 0, printf('item-%08d-%.100c', value, 'x') FROM generate_series(1, "
                            + ROWS + ")");
            SyncResult bootstrap = replica.pull();
            long filePages = Files.size(dir.resolve("m.db")) / PAGE;
            print("bootstrap (" + ROWS + " rows)", bootstrap);

            SyncResult one = changeAndPull(primary, replica, 1);
            SyncResult hundred = changeAndPull(primary, replica, 100);
            SyncResult tenThousand = changeAndPull(primary, replica, 10_000);

            assertThat(bootstrap.pagesReceived()).isEqualTo(filePages);
            assertThat(one.pagesReceived()).isBetween(1L, 2L);
            assertThat(hundred.pagesReceived()).isBetween(2L, 101L);
            assertThat(tenThousand.pagesReceived()).isGreaterThan(hundred.pagesReceived()).isLessThan(filePages);
            for (SyncResult r : new SyncResult[] {one, hundred, tenThousand}) {
                // raw pages plus a few bytes of framing each: nothing else is sent
                assertThat(r.bytesReceived()).isBetween(r.pagesReceived() * PAGE, r.pagesReceived() * (PAGE + 16) + 64);
            }
            assertThat(LocalSql.query(dir.resolve("m.db"), "SELECT count(*) FROM item WHERE qty > 0").get(0).get(0))
                    .isEqualTo("10000");
        }
    }

    /** Changes {@code rows} rows spread evenly over the table, then pulls. */
    private static SyncResult changeAndPull(PrimarySql primary, ReplicaFile replica, int rows) {
        int stride = ROWS / rows;
        primary.run("UPDATE item SET qty = qty + 1 WHERE id % " + stride + " = 0");
        SyncResult result = replica.pull();
        print(rows + " changed row(s)", result);
        return result;
    }

    private static void print(String what, SyncResult result) {
        System.out.printf("pull after %-22s: %6d pages, %10d bytes, %6.1f ms%n", what, result.pagesReceived(),
                result.bytesReceived(), result.duration().toNanos() / 1e6);
    }
}
