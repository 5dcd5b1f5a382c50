package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.OperationalError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import io.djorm.testkit.TursoServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which replies are read whole before they are parsed: only those whose rows are those of writes with RETURNING (a
 * bulk insert's keys, held inserts joined into one), whose keys are read apart ({@link CompactKeyRows}). A reply
 * with a query's rows, however long, streams through the parser as it arrives, so that a read never holds its whole
 * reply besides its rows. Told apart by a reply that declares more bytes than it holds, whose rest never comes:
 * streamed, it is read as far as its JSON goes; read whole, the read fails waiting for the rest.
 */
class ReplyReadingTest {
    private static final int ROWS = 300;
    private static TursoServer server;
    private static HranaClient client;
    /** Whether the next replies declare more bytes than they hold. */
    private static volatile boolean declareMore;
    /** The length of the last reply that declared more. */
    private static volatile int lastReplyBytes;
    private HranaConnection conn;

    @BeforeAll
    static void startServer() {
        server = TursoServer.start();
        client = new HranaClient(new HranaEndpoint(HttpUrl.get(server.url()), null, Duration.ofSeconds(10),
                Duration.ofSeconds(5), List.of(ReplyReadingTest::declaringMore), "default"));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshTable() {
        declareMore = false;
        conn = new HranaConnection(client);
        conn.update(Statement.of("DROP TABLE IF EXISTS item"));
        conn.update(Statement.of("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
        conn.update(new Statement("INSERT INTO item (name) VALUES " + "(?), ".repeat(ROWS - 1) + "(?)", names("seed-")));
    }

    @AfterEach
    void closeConnection() {
        declareMore = false;
        conn.close();
    }

    /** When asked, gives a successful reply a declared length 100 bytes longer than it is; reading past its end fails. */
    private static Response declaringMore(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!declareMore || response.code() != 200 || response.body() == null) return response;
        MediaType type = response.body().contentType();
        byte[] bytes = response.body().bytes();
        lastReplyBytes = bytes.length;
        Buffer held = new Buffer().write(bytes);
        Source cutShort = new ForwardingSource(held) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (held.exhausted()) throw new IOException("the rest of the body never came");
                return super.read(sink, byteCount);
            }
        };
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(cutShort), type, bytes.length + 100L)).build();
    }

    private static List<Object> names(String prefix) {
        List<Object> names = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) names.add(prefix + i);
        return names;
    }

    private static Statement bulkInsert(String prefix) {
        return new Statement("INSERT INTO item (name) VALUES " + "(?), ".repeat(ROWS - 1) + "(?) RETURNING \"id\"", names(prefix));
    }

    @Test
    void aReadsReplyStreamsAsItArrivesWhateverItsLength() {
        declareMore = true;
        List<String> names = new ArrayList<>();
        try (RowCursor c = conn.query(Statement.of("SELECT id, name FROM item ORDER BY id"))) {
            while (c.next()) names.add(c.getString(1));
        }
        assertThat(lastReplyBytes).isBetween(ReplyReader.WHOLE_BODY_MIN, ReplyReader.WHOLE_BODY_LIMIT - 100);
        assertThat(names).hasSize(ROWS).startsWith("seed-0").endsWith("seed-" + (ROWS - 1));
        List<Rows> both = conn.executeAll(List.of(Statement.of("SELECT name FROM item"), Statement.of("SELECT id FROM item")));
        assertThat(lastReplyBytes).isGreaterThan(ReplyReader.WHOLE_BODY_MIN);
        assertThat(both.get(1).rows()).hasSize(ROWS);
    }

    @Test
    void aBulkInsertsReplyIsReadWholeAndItsKeysComeOutRight() {
        declareMore = true;
        assertThatThrownBy(() -> conn.executeAll(List.of(bulkInsert("lost-"))))
                .isInstanceOf(OperationalError.class).hasMessageContaining("the rest of the body never came");
        assertThat(lastReplyBytes).isBetween(ReplyReader.WHOLE_BODY_MIN, ReplyReader.WHOLE_BODY_LIMIT - 100);
        declareMore = false;
        List<Object[]> keys = conn.executeAll(List.of(bulkInsert("bulk-"))).get(0).rows();
        assertThat(keys).hasSize(ROWS);
        long first = (Long) keys.get(0)[0];
        for (int i = 0; i < ROWS; i++) assertThat(keys.get(i)).containsExactly(first + i);
    }

    @Test
    void heldInsertsJoinedIntoOneHaveTheirReplyReadWhole() {
        conn.begin();
        for (int i = 0; i < ROWS; i++) conn.enqueueKeyedInsert(new Statement("INSERT INTO item (name) VALUES (?)",
                List.of("held-" + i)), "\"id\"", key -> { });
        declareMore = true;
        assertThatThrownBy(() -> conn.commit()).isInstanceOf(OperationalError.class)
                .hasMessageContaining("the rest of the body never came");
        assertThat(lastReplyBytes).isBetween(ReplyReader.WHOLE_BODY_MIN, ReplyReader.WHOLE_BODY_LIMIT - 100);
    }

    @Test
    void aQueryRidingWithHeldInsertsStreamsItsReplyAndTheKeysComeOutRight() {
        conn.begin();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) conn.enqueueKeyedInsert(new Statement("INSERT INTO item (name) VALUES (?)",
                List.of("held-" + i)), "\"id\"", keys::add);
        declareMore = true;
        List<Long> ids = new ArrayList<>();
        try (RowCursor c = conn.query(Statement.of("SELECT id FROM item WHERE name LIKE 'held-%' ORDER BY id"))) {
            while (c.next()) ids.add(c.getLong(0));
        }
        assertThat(lastReplyBytes).isBetween(ReplyReader.WHOLE_BODY_MIN, ReplyReader.WHOLE_BODY_LIMIT - 100);
        declareMore = false;
        conn.commit();
        assertThat(keys).hasSize(ROWS).isEqualTo(ids);
    }

    @Test
    void aBulkInsertWithAQueryInOneUnitStreamsItsReply() {
        declareMore = true;
        List<Rows> results = conn.executeAll(List.of(bulkInsert("bulk-"), Statement.of("SELECT count(*) FROM item")));
        assertThat(results.get(0).rows()).hasSize(ROWS);
        assertThat(results.get(1).rows().get(0)).containsExactly((long) ROWS * 2);
    }
}
