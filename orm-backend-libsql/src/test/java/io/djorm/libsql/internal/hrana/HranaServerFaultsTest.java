package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.OperationalError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.testkit.TursoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Losing the real server: nothing listening, killed or restarted in the middle of a transaction. */
class HranaServerFaultsTest {
    private static TursoServer server;
    private static HranaClient client;

    @BeforeAll
    static void startServer() {
        server = TursoServer.start();
        client = clientFor(server.url());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    private static HranaClient clientFor(String url) {
        return new HranaClient(new HranaEndpoint(HttpUrl.get(url), null, Duration.ofSeconds(5), Duration.ofSeconds(2),
                List.of(), "default"));
    }

    @BeforeEach
    void freshTable() {
        if (!server.isRunning()) server.restart();
        try (HranaConnection conn = new HranaConnection(client)) {
            conn.executeAll(List.of(Statement.of("DROP TABLE IF EXISTS item"),
                    Statement.of("CREATE TABLE item (name TEXT)")));
        }
    }

    private static long count() {
        try (HranaConnection conn = new HranaConnection(client);
             RowCursor c = conn.query(Statement.of("SELECT count(*) FROM item"))) {
            c.next();
            return c.getLong(0);
        }
    }

    private static Statement insert(String name) {
        return new Statement("INSERT INTO item (name) VALUES (?)", List.of(name));
    }

    @Test
    void noServerListeningNamesTheUrlAndTheTimeoutOption() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HranaClient nowhere = clientFor("http://127.0.0.1:" + port)) {
            HranaConnection conn = new HranaConnection(nowhere);
            assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("http://127.0.0.1:" + port)
                    .hasMessageContaining("OPTIONS.TIMEOUT")
                    .hasMessageContaining("SELECT 1");
        }
    }

    @Test
    void aServerKilledInsideATransactionLosesItVisibly() {
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.update(insert("first"));
        server.kill();
        assertThatThrownBy(() -> conn.update(insert("second")))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("transaction was lost")
                .hasMessageContaining("none of its statements were committed");
        assertThat(conn.inTransaction()).isTrue();
        assertThatThrownBy(conn::commit).hasMessageContaining("rollback()");
        server.restart();
        conn.rollback();
        assertThat(conn.inTransaction()).isFalse();
        assertThat(count()).isZero();
    }

    @Test
    void aServerRestartedBetweenTwoRequestsOfATransactionIsDetected() {
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.update(insert("first"));
        server.restart(); // the open transaction dies with the process; the next request reaches a fresh one
        // A server with one shared connection is found outside the transaction; one that keeps streams
        // refuses the dead stream's baton. Either way the transaction is reported lost.
        assertThatThrownBy(() -> conn.update(insert("second")))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("transaction was lost");
        conn.rollback();
        assertThat(count()).isZero(); // "second" did not run in autocommit mode either
    }

    @Test
    void aServerKilledBeforeACommitLeavesNothingCommitted() {
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.enqueue(insert("held"), r -> { });
        conn.update(insert("sent"));
        server.kill();
        assertThatThrownBy(conn::commit).isInstanceOf(OperationalError.class).hasMessageContaining("committing");
        server.restart();
        assertThat(count()).isZero();
    }

    @Test
    void aTimeoutInsideATransactionDoesNotSwallowTheNextWrite() {
        try (HranaClient quick = new HranaClient(new HranaEndpoint(HttpUrl.get(server.url()), null, Duration.ofSeconds(2),
                Duration.ofSeconds(2), List.of(), "default"))) {
            HranaConnection conn = new HranaConnection(quick);
            conn.begin();
            conn.update(insert("first"));
            server.freeze();
            try {
                assertThatThrownBy(() -> conn.update(insert("second")))
                        .isInstanceOf(OperationalError.class).hasMessageContaining("transaction was lost");
            } finally {
                server.thaw();
            }
            conn.rollback();
            new HranaConnection(quick).update(insert("after"));
        }
        server.restart(); // anything left uncommitted on the shared connection dies with the process
        assertThat(names()).containsExactly("after");
    }

    @Test
    void aWriteOutsideATransactionNeverJoinsAnotherClientsTransaction() {
        HranaConnection a = new HranaConnection(client);
        HranaConnection b = new HranaConnection(client);
        a.begin();
        a.update(insert("a"));
        try {
            if (Boolean.TRUE.equals(client.capabilities().tracksStreams())) {
                b.update(insert("b")); // a server that isolates clients runs it on its own
            } else {
                assertThatThrownBy(() -> b.update(insert("b"))).isInstanceOf(OperationalError.class)
                        .hasMessageContaining("transaction that this connection did not open");
                assertThatThrownBy(() -> b.enqueueInsert(insert("b"), "\"rowid\"", r -> { }))
                        .isInstanceOf(OperationalError.class);
                assertThatThrownBy(() -> b.executeAll(List.of(insert("b")))).isInstanceOf(OperationalError.class);
            }
        } finally {
            a.rollback();
        }
        assertThat(names()).containsExactlyElementsOf(
                Boolean.TRUE.equals(client.capabilities().tracksStreams()) ? List.of("b") : List.of());
    }

    @Test
    void largeAtomicBlocksAreSplitUnderTheRequestLimitAndStayAtomic() {
        List<Long> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.Interceptor sizeOf = chain -> {
            sizes.add(chain.request().body().contentLength());
            return chain.proceed(chain.request());
        };
        long limit = 300_000;
        try (HranaClient small = new HranaClient(new HranaEndpoint(HttpUrl.get(server.url()), null, Duration.ofSeconds(5),
                Duration.ofSeconds(2), List.of(sizeOf), "default", limit, HranaEndpoint.DEFAULT_MAX_RESPONSE_BYTES, null))) {
            String big = "x".repeat(100_000);
            HranaConnection conn = new HranaConnection(small);
            conn.begin();
            for (int i = 0; i < 6; i++) conn.enqueueInsert(insert(big + i), "\"rowid\"", r -> { });
            conn.commit();
            assertThat(count()).isEqualTo(6);
            assertThat(sizes).hasSizeGreaterThan(1).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(limit));

            conn.begin();
            for (int i = 0; i < 5; i++) conn.enqueueInsert(insert(big + i), "\"rowid\"", r -> { });
            conn.enqueue(Statement.of("INSERT INTO missing_table VALUES (1)"), r -> { });
            assertThatThrownBy(conn::commit).isInstanceOf(io.djorm.core.DatabaseError.class);
            conn.rollback();
            assertThat(count()).isEqualTo(6); // the parts sent ahead were rolled back with the rest

            // A unit given at once (a bulk create): split too, and all or nothing in and out of a transaction.
            sizes.clear();
            List<Statement> six = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) six.add(insert(big + "bulk" + i));
            assertThat(conn.executeAll(six)).hasSize(6);
            assertThat(count()).isEqualTo(12);
            assertThat(sizes).hasSizeGreaterThan(1).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(limit));
            List<Statement> failing = new java.util.ArrayList<>(six);
            failing.add(Statement.of("INSERT INTO missing_table VALUES (1)"));
            assertThatThrownBy(() -> conn.executeAll(failing)).isInstanceOf(io.djorm.core.DatabaseError.class);
            assertThat(conn.inTransaction()).isFalse();
            assertThat(count()).isEqualTo(12);
            conn.begin();
            conn.update(insert("kept"));
            assertThatThrownBy(() -> conn.executeAll(failing)).isInstanceOf(io.djorm.core.DatabaseError.class);
            conn.commit();
            assertThat(count()).isEqualTo(13); // the unit was undone, the transaction around it went on
        }
    }

    @Test
    void anInfiniteFloatComesBackAsInfinity() {
        try (HranaConnection conn = new HranaConnection(client);
             RowCursor c = conn.query(Statement.of("SELECT 1e999"))) {
            c.next();
            assertThat(c.getObject(0)).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        try (HranaConnection conn = new HranaConnection(client);
             RowCursor c = conn.query(Statement.of("SELECT name FROM item ORDER BY name"))) {
            while (c.next()) names.add(c.getString(0));
        }
        return names;
    }
}
