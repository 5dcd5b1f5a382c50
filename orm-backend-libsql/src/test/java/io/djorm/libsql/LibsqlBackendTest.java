package io.djorm.libsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.OperationalError;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.internal.hrana.RemoteDatabase;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.testkit.TursoServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Choosing local, remote or replica mode from the settings, and the settings of the remote mode. */
class LibsqlBackendTest {
    private static TursoServer server;
    private final LibsqlBackend backend = new LibsqlBackend();

    @BeforeAll
    static void startServer() {
        server = TursoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static DatabaseSettings settings(Map<String, ?> values) {
        return new DatabaseSettings("default", values);
    }

    private static long selectLong(Connection conn, String sql) {
        try (RowCursor c = conn.query(Statement.of(sql))) {
            assertThat(c.next()).isTrue();
            return c.getLong(0);
        }
    }

    @Test
    void isFoundByItsEngineName() {
        assertThat(ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.engines().contains("libsql"))).hasAtLeastOneElementOfType(LibsqlBackend.class);
        assertThat(backend.parseUrl("libsql://h.io")).containsEntry("NAME", "https://h.io");
        assertThat(backend.parseUrl("sqlite:///x.db")).isNull();
    }

    @Test
    void aPathWithoutSyncUrlIsALocalSqliteDatabase() {
        try (Database db = backend.open(settings(Map.of("ENGINE", "libsql")));
             Connection conn = db.connect()) {
            assertThat(db).isNotInstanceOf(RemoteDatabase.class);
            assertThat(selectLong(conn, "SELECT 6 * 7")).isEqualTo(42);
        }
    }

    @Test
    void aServerUrlIsARemoteDatabaseThatCountsItsRoundTrips() {
        RoundTripCounter trips = new RoundTripCounter();
        Map<String, Object> values = Map.of("ENGINE", "libsql", "NAME", server.url(), "AUTH_TOKEN", "tok-XYZ",
                "OPTIONS", Map.of("INTERCEPTORS", List.of(trips), "TIMEOUT", 5));
        try (Database db = backend.open(settings(values)); Connection conn = db.connect()) {
            assertThat(db).isInstanceOf(RemoteDatabase.class);
            assertThat(db.dialect()).isInstanceOf(SqliteDialect.class);
            assertThat(db.maxConnections()).isGreaterThan(1);
            assertThat(db.describe()).contains(server.url()).doesNotContain("tok-XYZ");
            assertThat(db.toString()).doesNotContain("tok-XYZ");
            conn.query(Statement.of("SELECT 1")).close(); // learns the server's protocol version
            trips.reset();
            assertThat(selectLong(conn, "SELECT 40 + 2")).isEqualTo(42);
            assertThat(trips.count()).isEqualTo(1);
        }
    }

    @Test
    void memoryWithASyncUrlIsARemoteDatabaseToo() {
        Map<String, Object> values = Map.of("ENGINE", "libsql", "NAME", ":memory:", "SYNC_URL", server.url());
        try (Database db = backend.open(settings(values)); Connection conn = db.connect()) {
            assertThat(db).isInstanceOf(RemoteDatabase.class);
            assertThat(selectLong(conn, "SELECT 7")).isEqualTo(7);
        }
    }

    @Test
    void aPathWithASyncUrlOpensAReplica(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Map<String, Object> values = Map.of("ENGINE", "libsql", "NAME", dir.resolve("replica.db").toString(),
                "SYNC_URL", server.url());
        try (var db = backend.open(settings(values))) {
            assertThat(db).isInstanceOf(io.djorm.core.spi.ReplicaDatabase.class);
            assertThat(db.describe()).contains(server.url());
        }
    }

    @Test
    void aServerInNameAndASyncUrlContradictEachOther() {
        Map<String, Object> values = Map.of("ENGINE", "libsql", "NAME", "libsql://a.io?authToken=SECRET",
                "SYNC_URL", "libsql://b.io");
        assertThatThrownBy(() -> backend.open(settings(values))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("SYNC_URL").hasMessageNotContaining("SECRET");
    }

    @Test
    void wrongOptionsAreReported() {
        assertThatThrownBy(() -> backend.open(settings(Map.of("ENGINE", "libsql", "NAME", server.url(),
                "OPTIONS", Map.of("INTERCEPTORS", "counter"))))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("OPTIONS.INTERCEPTORS");
        assertThatThrownBy(() -> backend.open(settings(Map.of("ENGINE", "libsql", "NAME", server.url(),
                "OPTIONS", Map.of("TIMEOUT", "soon"))))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("TIMEOUT");
        assertThatThrownBy(() -> backend.open(settings(Map.of("ENGINE", "libsql", "NAME", server.url(),
                "OPTIONS", Map.of("MAX_REQUEST_SIZE", 10))))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("OPTIONS.MAX_REQUEST_SIZE is 10");
        assertThatThrownBy(() -> backend.open(settings(Map.of("ENGINE", "libsql", "NAME", server.url(),
                "OPTIONS", Map.of("MAX_RESPONSE_SIZE", "big"))))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("MAX_RESPONSE_SIZE");
    }

    @Test
    void timeoutAndTokenFromTheSettingsReachTheWire() throws IOException, InterruptedException {
        try (MockWebServer web = new MockWebServer()) {
            web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            String name = web.url("/").toString() + "?authToken=url-token-1";
            Map<String, Object> values = Map.of("ENGINE", "libsql", "NAME", name, "OPTIONS", Map.of("TIMEOUT", 0.3));
            try (Database db = backend.open(settings(values)); Connection conn = db.connect()) {
                assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1"))).isInstanceOf(OperationalError.class)
                        .hasMessageContaining("0.3 s").hasMessageContaining("OPTIONS.TIMEOUT")
                        .hasMessageNotContaining("url-token-1");
            }
            RecordedRequest r = web.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer url-token-1");
            assertThat(r.getPath()).isEqualTo("/v3/pipeline");
        }
    }
}
