package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.SyncResult;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Publisher;
import io.djorm.docs.shop.Tag;
import io.djorm.testkit.TursoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/libsql.md, against a real tursodb server on loopback. */
class LibsqlSnippetsTest {
    private static TursoServer server;
    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TursoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void shutdown() {
        Djorm.shutdown();
    }

    // region libsql-cloud-settings
    static Map<String, Object> tursoCloud(String databaseUrl, String authToken) {
        return Map.of(
                "DATABASES", Map.of("default", Map.of(
                        "ENGINE", "libsql",
                        "NAME", databaseUrl,              // libsql://<db>-<org>.turso.io
                        "AUTH_TOKEN", authToken,          // turso db tokens create <db>
                        "OPTIONS", Map.of("TIMEOUT", 20))),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop"));
    }
    // endregion libsql-cloud-settings

    // region libsql-limits
    static Map<String, Object> behindAProxy(String serverUrl) {
        return Map.of("ENGINE", "libsql", "NAME", serverUrl, "OPTIONS", Map.of(
                "TIMEOUT", 10,                        // seconds one request may take
                "CONNECT_TIMEOUT", 3,                 // seconds a connection attempt may take
                "MAX_REQUEST_SIZE", 512 * 1024,       // bytes: larger transactions travel in several requests
                "MAX_RESPONSE_SIZE", 16 * 1024 * 1024));  // bytes: a larger answer raises OperationalError
    }
    // endregion libsql-limits

    @Test
    void limitsAreAccepted() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", behindAProxy(server.url())),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        Djorm.connection().execute("CREATE TABLE limits_demo (v TEXT)");
        Djorm.connection().execute("INSERT INTO limits_demo VALUES (?)", "x".repeat(600 * 1024)); // sent alone
        assertThat(Djorm.connection().query("SELECT length(v) FROM limits_demo").rows().get(0)[0])
                .isEqualTo(600L * 1024);
    }

    @Test
    void remoteAndReplica() {
        String serverUrl = server.url();
        openRemote(serverUrl);
        assertThat(Author.objects().count()).isEqualTo(1);
        Djorm.shutdown();

        openReplica(dir.resolve("replica.db").toString(), serverUrl);
        assertThat(Djorm.connection().backgroundSyncFailures()).isZero();
        assertThat(Author.objects().count()).isEqualTo(2);
        Djorm.shutdown();

        Djorm.configure(tursoCloud(serverUrl, "a-token-the-test-server-ignores"));
        assertThat(Author.objects().count()).isEqualTo(2);
    }

    // region libsql-remote
    static void openRemote(String serverUrl) {                 // such as http://127.0.0.1:8080
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", serverUrl)),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        Djorm.connection().createTables(Author.class, Publisher.class, Tag.class, Book.class);
        Author.objects().create("name", "Frank Herbert");      // one HTTP round trip
    }
    // endregion libsql-remote

    // region libsql-replica
    static void openReplica(String replicaFile, String serverUrl) {
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of(
                        "ENGINE", "libsql",
                        "NAME", replicaFile,                   // the local copy
                        "SYNC_URL", serverUrl,                 // the primary
                        "OPTIONS", Map.of("SYNC_INTERVAL", 60))),  // also pull every minute
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));

        long authors = Author.objects().count();               // read from the local file: microseconds
        Author.objects().create("name", "Ursula K. Le Guin");  // written on the primary, then pulled back
        SyncResult sync = Djorm.connection().syncReplica();    // pull other writers' changes now
        System.out.println(authors + " authors; replica at revision " + sync.revision() + ", "
                + sync.pagesReceived() + " pages pulled");
        long failedPulls = Djorm.connection().backgroundSyncFailures();  // logged and retried, never thrown
    }
    // endregion libsql-replica

    @Test
    void theTestServer() {
        // region libsql-test-server
        long count;
        try (TursoServer testServer = TursoServer.start()) {     // a fresh database on a free loopback port
            Djorm.configure(Map.of(
                    "DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", testServer.url())),
                    "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
            Djorm.connection().createTables(Tag.class);
            Tag.objects().create("name", "sf");
            count = Tag.objects().count();
            Djorm.shutdown();
        }                                                         // stops the server, deletes its files
        // endregion libsql-test-server
        assertThat(count).isEqualTo(1);
    }
}
