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
        assertThatThrownBy(() -> conn.update(insert("second")))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("no longer inside this connection's transaction");
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
}
