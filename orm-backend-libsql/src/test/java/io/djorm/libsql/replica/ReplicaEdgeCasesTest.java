package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.Djorm;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.LibsqlBackend;
import io.djorm.libsql.fake.FakeHranaServer;
import io.djorm.libsql.internal.replica.BackgroundSync;
import io.djorm.libsql.internal.replica.FaultInjector;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.libsql.internal.replica.SyncSource;
import io.djorm.testkit.TursoServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw reads, read-your-writes across failed pulls, and shutdown during a pull. */
class ReplicaEdgeCasesTest {
    @TempDir
    Path dir;
    private TursoServer server;
    private final AtomicBoolean refusePulls = new AtomicBoolean();
    private final Interceptor pullGate = chain -> {
        if (refusePulls.get() && chain.request().url().encodedPath().endsWith("/pull-updates")) {
            throw new IOException("pulls are refused by the test");
        }
        return chain.proceed(chain.request());
    };

    @BeforeEach
    void start() {
        server = TursoServer.start();
        new PrimarySql(server.url()).run("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "INSERT INTO author (name) VALUES ('Le Guin')");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> replicaSettings() {
        return Map.of("ENGINE", "libsql", "NAME", dir.resolve("app.db").toString(), "SYNC_URL", server.url(),
                "OPTIONS", Map.of("TIMEOUT", 5, "INTERCEPTORS", List.of(pullGate)));
    }

    private static List<String> names(Connection connection) {
        List<String> names = new ArrayList<>();
        try (RowCursor c = connection.query(Statement.of("SELECT name FROM author ORDER BY id"))) {
            while (c.next()) names.add(c.getString(0));
        }
        return names;
    }

    @Test
    void rawSqlReadsOnAReplicaAliasAreLocal() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", replicaSettings())));
        try {
            server.kill(); // only the local file can answer now
            assertThat(Djorm.connection("default").query("SELECT name FROM author").rows())
                    .singleElement().satisfies(row -> assertThat(row[0]).isEqualTo("Le Guin"));
        } finally {
            Djorm.shutdown();
        }
    }

    @Test
    void aWriteStaysVisibleToItsWriterOnceAPullSucceedsAfterFailedOnes() {
        try (Database db = new LibsqlBackend().open(new DatabaseSettings("default", replicaSettings()));
             Connection connection = db.connect()) {
            refusePulls.set(true);
            connection.update(new Statement("INSERT INTO author (name) VALUES (?)", List.of("Lem")));
            assertThat(names(connection)).containsExactly("Le Guin"); // pulls fail: the last synced state
            assertThat(names(connection)).containsExactly("Le Guin");
            refusePulls.set(false);
            assertThat(names(connection)).containsExactly("Le Guin", "Lem");
        }
    }

    @Test
    void closingTheReplicaCancelsABackgroundPullInFlight() throws Exception {
        try (FakeHranaServer fake = FakeHranaServer.start()) {
            fake.freeze();
            SyncSource source = new SyncSource(HttpUrl.get(fake.url()), null, Duration.ofSeconds(30));
            try (ReplicaFile file = ReplicaFile.open(dir.resolve("frozen.db"), source, new OkHttpClient(),
                    FaultInjector.NONE)) {
                BackgroundSync sync = BackgroundSync.start(file, Duration.ofMillis(50));
                fake.takeRequest(); // a pull is waiting for the frozen server
                long started = System.nanoTime();
                sync.close();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertThat(sync.failures()).isZero(); // a cancelled pull is not a failure
            }
        }
    }

    @Test
    void failedBackgroundSyncsAreCountedThroughThePublicApi() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(replicaSettings());
        settings.put("OPTIONS", Map.of("TIMEOUT", 5, "SYNC_INTERVAL", 0.05, "INTERCEPTORS", List.of(pullGate)));
        Djorm.configure(Map.of("DATABASES", Map.of("default", settings)));
        try {
            assertThat(Djorm.connection().backgroundSyncFailures()).isZero();
            refusePulls.set(true);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Djorm.connection().backgroundSyncFailures() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(Djorm.connection().backgroundSyncFailures()).isGreaterThanOrEqualTo(2);
        } finally {
            Djorm.shutdown();
        }
    }

    @Test
    void shutdownDoesNotWaitForABackgroundPullFromAFrozenPrimary() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(replicaSettings());
        settings.put("OPTIONS", Map.of("TIMEOUT", 20, "SYNC_INTERVAL", 0.05));
        Djorm.configure(Map.of("DATABASES", Map.of("default", settings)));
        server.freeze();
        try {
            Thread.sleep(300); // a background pull is now waiting for the frozen server
            long started = System.nanoTime();
            Djorm.shutdown();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            server.thaw();
        }
    }
}
