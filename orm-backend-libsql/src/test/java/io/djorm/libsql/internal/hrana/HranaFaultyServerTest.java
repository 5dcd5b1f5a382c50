package io.djorm.libsql.internal.hrana;

import static io.djorm.libsql.fake.FakeHranaServer.EMPTY_RESULT;
import static io.djorm.libsql.fake.FakeHranaServer.batchReply;
import static io.djorm.libsql.fake.FakeHranaServer.intRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.OperationalError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.fake.FakeHranaServer;
import io.djorm.libsql.fake.FakeHranaServer.Answer;
import io.djorm.libsql.fake.FakeHranaServer.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against a server (or proxy) that misbehaves in the ways a real one can: it freezes,
 * drops idle connections, sends endless or malformed bodies, refuses large requests, and serves only v2.
 */
class HranaFaultyServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeHranaServer fake;
    private HranaClient client;

    @BeforeEach
    void start() {
        fake = FakeHranaServer.start();
        client = clientWith(Duration.ofSeconds(5), HranaEndpoint.DEFAULT_MAX_RESPONSE_BYTES);
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private HranaClient clientWith(Duration timeout, long maxResponse) {
        return new HranaClient(new HranaEndpoint(HttpUrl.get(fake.url()), null, timeout, Duration.ofSeconds(2), List.of(),
                "default", HranaEndpoint.DEFAULT_MAX_REQUEST_BYTES, maxResponse, null));
    }

    private static JsonNode body(Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> stepSql(Received r) {
        List<String> sql = new ArrayList<>();
        for (JsonNode step : body(r).path("requests").path(0).path("batch").path("steps")) sql.add(step.path("stmt").path("sql").asText());
        return sql;
    }

    @Test
    void aTimeoutInsideATransactionRollsTheStreamBackWhenTheServerAnswersAgain() {
        HranaClient quick = clientWith(Duration.ofSeconds(2), HranaEndpoint.DEFAULT_MAX_RESPONSE_BYTES);
        try {
            // BEGIN, the insert and its change count; the server opens stream "b1".
            fake.enqueue(Answer.json(batchReply("b1", EMPTY_RESULT, EMPTY_RESULT, intRow(1))));
            HranaConnection conn = new HranaConnection(quick);
            conn.begin();
            conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(1L)));
            fake.takeRequest();
            fake.freeze();
            fake.enqueue(Answer.json(batchReply("b2", EMPTY_RESULT, intRow(1))));
            assertThatThrownBy(() -> conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(2L))))
                    .isInstanceOf(OperationalError.class).hasMessageContaining("transaction was lost");
            fake.takeRequest();
            fake.enqueue(Answer.json(batchReply(null, "null")));
            conn.rollback(); // the server is still frozen: the rollback waits for it to answer again
            assertThat(quick.abandonedStreams()).isEqualTo(1);
            fake.thaw();
            fake.takeRequest(); // the frozen rollback attempt, answered late
            fake.enqueue(Answer.json(batchReply(null, "null")));
            fake.enqueue(Answer.json(batchReply(null, intRow(1))));
            try (RowCursor c = new HranaConnection(quick).query(Statement.of("SELECT 1"))) {
                assertThat(c.next()).isTrue();
            }
            Received rollback = fake.takeRequest();
            assertThat(body(rollback).path("baton").asText()).isEqualTo("b1");
            assertThat(stepSql(rollback)).containsExactly("ROLLBACK");
            assertThat(stepSql(fake.takeRequest())).containsExactly("SELECT 1");
            assertThat(quick.abandonedStreams()).isZero();
        } finally {
            fake.thaw();
            quick.close();
        }
    }

    @Test
    void aPooledConnectionTheServerClosedWhileIdleIsReplacedWithoutSendingTwice() throws Exception {
        fake.closeIdleConnectionsAfter(Duration.ofMillis(200));
        fake.otherwise(r -> Answer.json(batchReply(null, EMPTY_RESULT, intRow(1))));
        HranaConnection conn = new HranaConnection(client);
        assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(1L)))).isEqualTo(1);
        Thread.sleep(600);
        assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(2L)))).isEqualTo(1);
        assertThat(fake.drainRequests()).hasSize(2);
    }

    @Test
    void aLargeRequestSentAgainAfterAStaleConnectionArrivesWholeAndOnce() throws Exception {
        fake.closeIdleConnectionsAfter(Duration.ofMillis(200));
        fake.otherwise(r -> Answer.json(batchReply(null, EMPTY_RESULT, intRow(1))));
        HranaConnection conn = new HranaConnection(client);
        // Larger than the bytes a connection keeps: the second body lies in kept and in new chunks alike.
        String first = "a€".repeat(150_000);
        String second = "b\uD83D\uDE00".repeat(100_000);
        assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(first)))).isEqualTo(1);
        Thread.sleep(600); // the server closes the idle connection: the next request finds it stale and is sent again
        assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(second)))).isEqualTo(1);
        List<Received> received = fake.drainRequests();
        assertThat(received).hasSize(2);
        assertThat(client.staleChecks()).isEqualTo(1);
        assertThat(firstArg(received.get(0))).isEqualTo(first);
        assertThat(firstArg(received.get(1))).isEqualTo(second);
    }

    private static String firstArg(Received r) {
        return body(r).path("requests").path(0).path("batch").path("steps").path(0).path("stmt").path("args").path(0)
                .path("value").asText();
    }

    @Test
    void aServerThatHangsUpAfterEveryAnswerGetsEachWriteOnceAndNoneFails() throws Exception {
        // No Connection: close header, so each connection goes back to the pool already closed by the server.
        fake.otherwise(r -> Answer.json(batchReply(null, EMPTY_RESULT, intRow(1))).thenHangUp());
        HranaConnection conn = new HranaConnection(client);
        for (long i = 0; i < 40; i++) {
            assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(i)))).isEqualTo(1);
            // Well inside the trust window, but long enough for the server's close to have arrived: a check
            // can see it (one racing the close would fail with or without a check, and is not tested here).
            Thread.sleep(5);
        }
        List<String> values = new ArrayList<>();
        for (Received r : fake.drainRequests()) {
            values.add(body(r).path("requests").path(0).path("batch").path("steps").path(0).path("stmt").path("args").path(0).path("value").asText());
        }
        assertThat(values).hasSize(40).doesNotHaveDuplicates();
        assertThat(client.staleChecks()).isGreaterThanOrEqualTo(39); // never trusted: every reuse is checked
    }

    @Test
    void aConnectionThatStaysOpenIsNotCheckedBeforeEachRequest() throws Exception {
        fake.otherwise(r -> Answer.json(batchReply(null, EMPTY_RESULT, intRow(1))));
        HranaConnection conn = new HranaConnection(client);
        for (long i = 0; i < 20; i++) conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(i)));
        // The second request was checked and answered; from then on the connection is trusted while busy.
        assertThat(client.staleChecks()).isEqualTo(1);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(StaleConnectionCheck.TRUST_WINDOW_NANOS) + 50);
        conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(99L)));
        assertThat(client.staleChecks()).isEqualTo(2); // idle past the window: checked again
        assertThat(fake.drainRequests()).hasSize(21);
    }

    @Test
    void anEndlessBodyStopsAtTheResponseLimit() {
        HranaClient limited = clientWith(Duration.ofSeconds(20), 2L << 20);
        try {
            fake.enqueue(Answer.endlessBody());
            HranaConnection conn = new HranaConnection(limited);
            assertThatThrownBy(() -> conn.query(Statement.of("SELECT x FROM t")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("OPTIONS.MAX_RESPONSE_SIZE")
                    .hasMessageContaining("2097152 bytes");
        } finally {
            limited.close();
        }
    }

    @Test
    void malformedRepliesAreOperationalErrorsNamingTheServer() {
        String[] bodies = {
            "{\"baton\":null,\"results\":[{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":"
                    + "{\"step_results\":\"x\",\"step_errors\":[null]}}}]}",
            batchReply(null, "{\"cols\":[{\"name\":\"x\"}],\"rows\":[[{\"type\":\"integer\",\"value\":\"12ab\"}]]}"),
            batchReply(null, "{\"cols\":\"oops\",\"rows\":7}"),
            batchReply(null, EMPTY_RESULT, EMPTY_RESULT), // two results for one step
            batchReply(null, "{\"cols\":[{\"name\":\"x\"}],\"rows\":[[]]}"),
            "{\"baton\":7,\"results\":[]}",
        };
        for (String body : bodies) {
            fake.enqueue(Answer.json(body));
            HranaConnection conn = new HranaConnection(client);
            assertThatThrownBy(() -> conn.query(Statement.of("SELECT x FROM t")).close())
                    .as(body)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining(fake.url())
                    .hasMessageContaining("not a valid Hrana pipeline reply");
        }
    }

    @Test
    void infinityWrittenAsAJsonTokenOrAsANullFloatIsReadAsInfinity() {
        fake.enqueue(Answer.json(batchReply(null, "{\"cols\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"}],"
                + "\"rows\":[[{\"type\":\"float\",\"value\":Infinity},{\"type\":\"float\",\"value\":-Infinity},"
                + "{\"type\":\"float\",\"value\":null}]]}")));
        try (RowCursor c = new HranaConnection(client).query(Statement.of("SELECT 1e999, -1e999, 1e999"))) {
            assertThat(c.next()).isTrue();
            assertThat(c.getObject(0)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(c.getObject(1)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(c.getObject(2)).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void http413SaysNothingRanAndNamesTheRequestLimit() {
        fake.enqueue(Answer.status(413, "Payload Too Large"));
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.enqueue(new Statement("INSERT INTO t VALUES (?)", List.of("x")), r -> { });
        assertThatThrownBy(conn::commit)
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("HTTP 413")
                .hasMessageContaining("none of it ran")
                .hasMessageContaining("OPTIONS.MAX_REQUEST_SIZE")
                .hasMessageNotContaining("unknown");
    }

    @Test
    void concurrentFirstRequestsToAV2OnlyServerDiscoverTheProtocolOnce() throws Exception {
        fake.otherwise(r -> r.path().endsWith("/v3/pipeline")
                ? Answer.status(404, "Not Found").delayed(Duration.ofMillis(100))
                : Answer.json(batchReply(null, intRow(1))));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> {
                    try (RowCursor c = new HranaConnection(client).query(Statement.of("SELECT 1"))) {
                        c.next();
                        return c.getLong(0);
                    }
                });
            }
            for (Future<Long> f : pool.invokeAll(calls)) assertThat(f.get()).isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
        List<Received> requests = fake.drainRequests();
        assertThat(requests).filteredOn(r -> r.path().endsWith("/v3/pipeline")).hasSize(1);
        assertThat(requests).filteredOn(r -> r.path().endsWith("/v2/pipeline")).hasSize(32);
    }

    @Test
    void aWebSocketUrlWhoseServerDoesNotAnswerHttpSaysSo() {
        int port = HttpUrl.get(fake.url()).port();
        fake.otherwise(r -> Answer.status(426, "Upgrade Required"));
        for (String name : List.of("ws://127.0.0.1:" + port, "wss://127.0.0.1:" + port)) {
            try (io.djorm.core.spi.Database db = new io.djorm.libsql.LibsqlBackend().open(new io.djorm.core.DatabaseSettings(
                    "default", java.util.Map.of("ENGINE", "libsql", "NAME", name, "OPTIONS", java.util.Map.of("TIMEOUT", 3))));
                 io.djorm.core.spi.Connection conn = db.connect()) {
                String scheme = name.substring(0, name.indexOf(':'));
                assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1")))
                        .as(name)
                        .isInstanceOf(OperationalError.class)
                        .hasMessageContaining("NAME uses " + scheme + "://")
                        .hasMessageContaining("does not answer Hrana over HTTP");
            }
        }
    }
}
