package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.AuthenticationError;
import io.djorm.core.DatabaseError;
import io.djorm.core.IntegrityError;
import io.djorm.core.OperationalError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What tursodb cannot show: auth failures, hanging or garbage-speaking servers, and the parts of the full
 * protocol it lacks (v3, batons, base_url, close, real error codes), played by a small fake endpoint.
 */
class HranaProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "secret-token-abc123";
    private static final String ONE_ROW = "{\"cols\":[{\"name\":\"x\"}],\"rows\":[[{\"type\":\"integer\",\"value\":\"1\"}]],"
            + "\"affected_row_count\":0}";
    private static final String EMPTY = "{\"cols\":[],\"rows\":[],\"affected_row_count\":0}";
    private MockWebServer web;
    private HranaClient client;

    @BeforeEach
    void start() throws IOException {
        web = new MockWebServer();
        web.start();
        client = clientWithTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        web.shutdown();
    }

    private HranaClient clientWithTimeout(Duration timeout) {
        return new HranaClient(new HranaEndpoint(web.url("/db/"), TOKEN, timeout, Duration.ofSeconds(2), List.of(),
                "default"));
    }

    /** A pipeline answer whose batch has these step results (no errors), plus a close result. */
    private static MockResponse reply(String baton, String baseUrl, String... stepResults) {
        String errors = String.join(",", java.util.Collections.nCopies(stepResults.length, "null"));
        String body = "{\"baton\":" + quoted(baton) + ",\"base_url\":" + quoted(baseUrl) + ",\"results\":["
                + "{\"type\":\"ok\",\"response\":{\"type\":\"batch\",\"result\":{\"step_results\":["
                + String.join(",", stepResults) + "],\"step_errors\":[" + errors + "]}}},"
                + "{\"type\":\"ok\",\"response\":{\"type\":\"close\"}}]}";
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private JsonNode takeBody(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().readUtf8());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = web.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("request reached the fake server").isNotNull();
        return r;
    }

    @Test
    void sendsTheTokenAsABearerHeaderAndSpeaksV3() throws Exception {
        web.enqueue(reply(null, null, ONE_ROW));
        try (RowCursor c = new HranaConnection(client).query(Statement.of("SELECT 1"))) {
            assertThat(c.next()).isTrue();
        }
        RecordedRequest r = take();
        assertThat(r.getPath()).isEqualTo("/db/v3/pipeline");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode body = takeBody(r);
        assertThat(body.get("baton").isNull()).isTrue();
        assertThat(body.get("requests").get(1).get("type").asText()).isEqualTo("close");
    }

    @Test
    void fallsBackToV2OnceAndRemembers() throws Exception {
        web.enqueue(new MockResponse().setResponseCode(404).setBody("Not Found"));
        web.enqueue(reply(null, null, ONE_ROW));
        web.enqueue(reply(null, null, ONE_ROW));
        HranaConnection conn = new HranaConnection(client);
        conn.query(Statement.of("SELECT 1")).close();
        conn.query(Statement.of("SELECT 1")).close();
        assertThat(take().getPath()).isEqualTo("/db/v3/pipeline");
        assertThat(take().getPath()).isEqualTo("/db/v2/pipeline");
        assertThat(take().getPath()).isEqualTo("/db/v2/pipeline");
        assertThat(web.getRequestCount()).isEqualTo(3);
    }

    @Test
    void stopsSendingCloseOnceTheServerRefusesIt() throws Exception {
        web.enqueue(new MockResponse().setResponseCode(500)
                .setBody("Internal Server Error: Failed to parse pipeline request: unknown variant `close`"));
        web.enqueue(reply(null, null, ONE_ROW));
        web.enqueue(reply(null, null, ONE_ROW));
        HranaConnection conn = new HranaConnection(client);
        conn.query(Statement.of("SELECT 1")).close();
        conn.query(Statement.of("SELECT 1")).close();
        assertThat(takeBody(take()).get("requests")).hasSize(2);
        assertThat(takeBody(take()).get("requests")).hasSize(1);
        assertThat(takeBody(take()).get("requests")).hasSize(1);
    }

    @Test
    void aTransactionFollowsBatonsAndBaseUrlAndClosesItsStreamAtCommit() throws Exception {
        String sticky = web.url("/sticky/").toString();
        web.enqueue(reply("b1", sticky, EMPTY, EMPTY, ONE_ROW));   // BEGIN, INSERT, SELECT changes()
        web.enqueue(reply("b2", null, ONE_ROW));                   // SELECT
        web.enqueue(reply(null, null, EMPTY, null));               // COMMIT, (ROLLBACK skipped)
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        assertThat(conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(1L)))).isEqualTo(1);
        conn.query(Statement.of("SELECT x FROM t")).close();
        conn.commit();

        JsonNode first = takeBody(take());
        assertThat(first.get("baton").isNull()).isTrue();
        assertThat(first.get("requests")).hasSize(1); // the stream stays open: no close
        JsonNode steps = first.get("requests").get(0).get("batch").get("steps");
        assertThat(steps.get(0).get("stmt").get("sql").asText()).isEqualTo("BEGIN");
        RecordedRequest second = take();
        assertThat(second.getPath()).isEqualTo("/sticky/v3/pipeline");
        JsonNode secondBody = takeBody(second);
        assertThat(secondBody.get("baton").asText()).isEqualTo("b1");
        assertThat(secondBody.get("requests").get(0).get("batch").get("steps")).hasSize(1); // no guard needed
        RecordedRequest third = take();
        assertThat(third.getPath()).isEqualTo("/sticky/v3/pipeline");
        JsonNode thirdBody = takeBody(third);
        assertThat(thirdBody.get("baton").asText()).isEqualTo("b2");
        assertThat(thirdBody.get("requests").get(1).get("type").asText()).isEqualTo("close");
        assertThat(conn.inTransaction()).isFalse();
    }

    @Test
    void aJoinedInsertsRowWithoutAKeyRaisesAfterTheKeysBeforeIt() {
        String keys = "{\"cols\":[{\"name\":\"id\"}],\"rows\":[[{\"type\":\"integer\",\"value\":\"7\"}],"
                + "[{\"type\":\"null\"}],[{\"type\":\"integer\",\"value\":\"9\"}]],\"affected_row_count\":3}";
        web.enqueue(reply(null, null, EMPTY, keys, EMPTY, "null")); // BEGIN, the joined INSERT, COMMIT, (ROLLBACK skipped)
        HranaConnection conn = new HranaConnection(client);
        java.util.Map<String, Long> got = new java.util.LinkedHashMap<>();
        java.util.function.ObjLongConsumer<String> setter = got::put;
        conn.begin();
        for (String name : List.of("a", "b", "c")) {
            conn.enqueueKeyedInsert(new Statement("INSERT INTO \"t\" (\"a\") VALUES (?)", List.of(name)), "\"id\"", name, setter);
        }
        assertThatThrownBy(conn::commit).isInstanceOf(DatabaseError.class)
                .hasMessageContaining("returned no primary key");
        assertThat(got).containsExactly(java.util.Map.entry("a", 7L));
        assertThat(conn.inTransaction()).isFalse();
    }

    @Test
    void aStreamClosedByTheServerLosesTheTransaction() {
        web.enqueue(reply("b1", null, EMPTY, ONE_ROW));
        web.enqueue(reply(null, null, ONE_ROW)); // the server forgot the stream
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.query(Statement.of("SELECT 1")).close();
        assertThatThrownBy(() -> conn.query(Statement.of("SELECT 2")))
                .isInstanceOf(OperationalError.class).hasMessageContaining("transaction was lost");
    }

    @Test
    void anExpiredStreamMidTransactionIsReportedNotRetried() {
        web.enqueue(reply("b1", null, EMPTY, ONE_ROW));
        web.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"message\":\"The stream has expired due to inactivity\",\"code\":\"STREAM_EXPIRED\"}"));
        HranaConnection conn = new HranaConnection(client);
        conn.begin();
        conn.query(Statement.of("SELECT 1")).close();
        assertThatThrownBy(() -> conn.update(Statement.of("DELETE FROM t")))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("STREAM_EXPIRED")
                .hasMessageContaining("transaction was lost");
        assertThat(web.getRequestCount()).isEqualTo(2);
    }

    @Test
    void unauthorizedNamesTheSettingButNeverTheToken() {
        web.enqueue(new MockResponse().setResponseCode(401).setBody("bad token " + TOKEN));
        HranaConnection conn = new HranaConnection(client);
        assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1")))
                .isInstanceOf(AuthenticationError.class)
                .hasMessageContaining("AUTH_TOKEN")
                .hasMessageContaining("DATABASES[\"default\"]")
                .hasMessageNotContaining(TOKEN);
        assertThat(conn.toString()).doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN);
        assertThat(client.endpoint().toString()).doesNotContain(TOKEN).contains("<hidden>");
    }

    @Test
    void aHangingServerTimesOutNamingTheOption() {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (HranaClient impatient = clientWithTimeout(Duration.ofMillis(500))) {
            HranaConnection conn = new HranaConnection(impatient);
            long start = System.nanoTime();
            assertThatThrownBy(() -> conn.update(Statement.of("DELETE FROM t")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("OPTIONS.TIMEOUT")
                    .hasMessageContaining("0.5 s")
                    .hasMessageContaining("DELETE FROM t");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(web.getRequestCount()).isEqualTo(1); // a write is not sent twice
    }

    @Test
    void aReadWhoseAnswerArrivesPastTheDeadlineTimesOutOnceWithoutARetry() throws InterruptedException {
        web.enqueue(reply(null, null, ONE_ROW).setBodyDelay(3, TimeUnit.SECONDS));
        web.enqueue(reply(null, null, ONE_ROW));
        try (HranaClient impatient = clientWithTimeout(Duration.ofMillis(500))) {
            HranaConnection conn = new HranaConnection(impatient);
            long start = System.nanoTime();
            assertThatThrownBy(() -> conn.query(Statement.of("SELECT x FROM t")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("did not answer within 0.5 s (OPTIONS.TIMEOUT");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(web.takeRequest(1, TimeUnit.SECONDS)).isNotNull();
        assertThat(web.takeRequest(300, TimeUnit.MILLISECONDS)).as("a timeout is not an unreachable server: no second try").isNull();
    }

    @Test
    void cancelAbandonsTheCallInFlightWithoutRetryingIt() throws Exception {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        HranaConnection conn = new HranaConnection(client);
        java.util.concurrent.CompletableFuture<Throwable> failure = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                conn.query(Statement.of("SELECT x FROM t")).close();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(web.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        long start = System.nanoTime();
        conn.cancel();
        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(OperationalError.class)
                .hasMessageContaining("Could not reach");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2)); // not the 5 s timeout
        assertThat(web.getRequestCount()).isEqualTo(1); // a cancelled read is not sent again
    }

    @Test
    void aBodyThatIsNotJsonIsQuotedBriefly() {
        String html = "<html><body>" + "Bad gateway ".repeat(100) + "</body></html>";
        web.enqueue(new MockResponse().setBody(html));
        web.enqueue(new MockResponse().setResponseCode(502).setBody(html));
        HranaConnection conn = new HranaConnection(client);
        assertThatThrownBy(() -> conn.update(Statement.of("DELETE FROM t")))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("not a valid Hrana pipeline reply")
                .hasMessageContaining("<html><body>Bad gateway")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
        assertThatThrownBy(() -> conn.update(Statement.of("DELETE FROM t")))
                .isInstanceOf(OperationalError.class).hasMessageContaining("HTTP 502")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
    }

    @Test
    void realSqliteCodesAreMapped() {
        web.enqueue(new MockResponse().setBody("{\"baton\":null,\"base_url\":null,\"results\":[{\"type\":\"ok\","
                + "\"response\":{\"type\":\"batch\",\"result\":{\"step_results\":[null,null],\"step_errors\":["
                + "{\"message\":\"constraint violated\",\"code\":\"SQLITE_CONSTRAINT_PRIMARYKEY\"},null]}}}]}"));
        web.enqueue(new MockResponse().setBody("{\"baton\":null,\"base_url\":null,\"results\":[{\"type\":\"ok\","
                + "\"response\":{\"type\":\"batch\",\"result\":{\"step_results\":[null],\"step_errors\":["
                + "{\"message\":\"weird failure\",\"code\":\"SQLITE_MISUSE\"}]}}}]}"));
        HranaConnection conn = new HranaConnection(client);
        assertThatThrownBy(() -> conn.update(new Statement("INSERT INTO t VALUES (?)", List.of(TOKEN))))
                .isInstanceOf(IntegrityError.class)
                .hasMessageContaining("SQLITE_CONSTRAINT_PRIMARYKEY")
                .hasMessageNotContaining(TOKEN); // parameters never appear
        assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1")))
                .isExactlyInstanceOf(DatabaseError.class)
                .hasMessageContaining("weird failure").hasMessageContaining("SQLITE_MISUSE");
    }

    @Test
    void aReadIsRetriedOnceAfterAConnectionFailureAndAWriteNever() {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        web.enqueue(reply(null, null, ONE_ROW));
        HranaConnection conn = new HranaConnection(client);
        try (RowCursor c = conn.query(Statement.of("SELECT 1"))) {
            assertThat(c.next()).isTrue();
        }
        assertThat(web.getRequestCount()).isEqualTo(2);

        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        web.enqueue(reply(null, null, EMPTY, ONE_ROW));
        assertThatThrownBy(() -> conn.update(Statement.of("DELETE FROM t"))).isInstanceOf(OperationalError.class);
        assertThat(web.getRequestCount()).isEqualTo(3);
    }
}
