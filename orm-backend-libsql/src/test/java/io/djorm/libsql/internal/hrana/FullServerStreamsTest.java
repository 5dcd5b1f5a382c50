package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.IntegrityError;
import io.djorm.core.OperationalError;
import io.djorm.core.TransactionManagementError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.testkit.LibsqlTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HranaConnection against a server with sqld's stream semantics (the test kit's libSQL server): v3
 * pipelines with {@code close}, a baton per transaction, a stream that expires while a transaction
 * idles reported as a lost transaction, and SQLite's own error codes mapped by code.
 */
class FullServerStreamsTest {
    private static final Duration IDLE = Duration.ofMillis(600);
    private static final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private static LibsqlTestServer server;
    private static HranaClient client;

    @BeforeAll
    static void startServer() {
        server = LibsqlTestServer.start(IDLE);
        client = new HranaClient(new HranaEndpoint(HttpUrl.get(server.url()), null, Duration.ofSeconds(10),
                Duration.ofSeconds(5), List.of(FullServerStreamsTest::record), "default"));
    }

    /** Notes each request as its path and JSON body. */
    private static okhttp3.Response record(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        okhttp3.Request request = chain.request();
        okio.Buffer sent = new okio.Buffer();
        request.body().writeTo(sent);
        requests.add(request.url().encodedPath() + " " + sent.readUtf8());
        return chain.proceed(request);
    }

    @AfterAll
    static void stop() {
        server.close();
        client.close();
    }

    @BeforeEach
    void freshTable() {
        HranaConnection c = new HranaConnection(client);
        c.update(Statement.of("DROP TABLE IF EXISTS item"));
        c.update(Statement.of("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)"));
        requests.clear();
    }

    @Test
    void speaksV3AndClosesEveryStreamItOpens() {
        HranaConnection c = new HranaConnection(client);
        assertThat(c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("a")))).isEqualTo(1);
        c.begin();
        c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("b")));
        c.commit();
        assertThat(requests).isNotEmpty().allMatch(r -> r.startsWith("/v3/pipeline "));
        assertThat(requests.get(requests.size() - 1)).contains("\"type\":\"close\"");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aTransactionWhoseStreamExpiredIsReportedLostAndNothingIsCommitted() throws InterruptedException {
        HranaConnection c = new HranaConnection(client);
        c.begin();
        c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("idle")));
        Thread.sleep(IDLE.toMillis() * 3);
        assertThatThrownBy(() -> c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("late"))))
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("The transaction was lost");
        assertThatThrownBy(c::commit).isInstanceOf(TransactionManagementError.class);
        c.rollback();
        assertThat(count()).isZero();
    }

    @Test
    void constraintErrorsAreMappedByTheirSqliteCode() {
        HranaConnection c = new HranaConnection(client);
        c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("twice")));
        assertThatThrownBy(() -> c.update(new Statement("INSERT INTO item (name) VALUES (?)", List.of("twice"))))
                .isInstanceOf(IntegrityError.class).hasMessageContaining("[SQLITE_CONSTRAINT_UNIQUE]");
    }

    private static long count() {
        try (RowCursor rows = new HranaConnection(client).query(Statement.of("SELECT count(*) FROM item"))) {
            rows.next();
            return rows.getLong(0);
        }
    }
}
