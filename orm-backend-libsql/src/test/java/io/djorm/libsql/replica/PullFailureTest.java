package io.djorm.libsql.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.AuthenticationError;
import io.djorm.core.OperationalError;
import io.djorm.libsql.internal.replica.FaultInjector;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.libsql.internal.replica.SyncSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures the real server cannot produce (a refused token, a garbled or truncated body, a hang),
 * injected with a fake endpoint. In every case the error says what happened and nothing is applied.
 */
class PullFailureTest {
    private static final String TOKEN = "secret-token-123";
    @TempDir
    Path dir;
    private MockWebServer fake;
    private ReplicaFile replica;

    @BeforeEach
    void start() throws IOException {
        fake = new MockWebServer();
        fake.start();
        SyncSource source = new SyncSource(fake.url("/"), TOKEN, Duration.ofMillis(700));
        replica = ReplicaFile.open(dir.resolve("r.db"), source, new OkHttpClient(), FaultInjector.NONE);
    }

    @AfterEach
    void stop() throws IOException {
        replica.close();
        fake.shutdown();
    }

    @Test
    void theRequestIsAProtobufPostWithTheBearerToken() throws Exception {
        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("7", 0))));
        assertThat(replica.pull().revision()).isEqualTo("7");

        RecordedRequest request = fake.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/pull-updates");
        assertThat(request.getHeader("Content-Type")).startsWith("application/protobuf");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getBody().size()).as("first pull: every field is a default").isZero();

        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("7", 0))));
        replica.pull();
        byte[] second = fake.takeRequest(1, TimeUnit.SECONDS).getBody().readByteArray();
        assertThat(second).containsExactly(0x1a, 0x01, '7'); // field 3 (client_revision) = "7"
    }

    @Test
    void aRefusedTokenNamesAuthTokenAndNeverShowsIt() {
        fake.enqueue(new MockResponse().setResponseCode(401).setBody("unauthorized"));
        assertThatThrownBy(replica::pull)
                .isInstanceOf(AuthenticationError.class)
                .hasMessageContaining("AUTH_TOKEN")
                .hasMessageNotContaining(TOKEN);
        assertNothingApplied();
    }

    @Test
    void aGarbledBodyIsReportedAsSuch() {
        fake.enqueue(new MockResponse().setBody("<html>proxy error</html>"));
        assertThatThrownBy(replica::pull)
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("garbled")
                .hasMessageContaining(fake.url("/").toString().replaceAll("/$", ""));
        assertNothingApplied();
    }

    @Test
    void aBodyCutOffInsideAPageAppliesNothing() {
        byte[] header = header("9", 2);
        byte[] page = page(1, new byte[4096]);
        Buffer body = new Buffer().write(header).write(page, 0, page.length - 100);
        fake.enqueue(new MockResponse().setBody(body));
        assertThatThrownBy(replica::pull).isInstanceOf(OperationalError.class).hasMessageContaining("garbled");
        assertNothingApplied();
    }

    @Test
    void aPullMissingPagesBeyondTheFileIsRefused() {
        Buffer body = new Buffer().write(header("9", 3)).write(page(0, new byte[4096])).write(page(2, new byte[4096]));
        fake.enqueue(new MockResponse().setBody(body));
        assertThatThrownBy(replica::pull)
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("did not carry page 1")
                .hasMessageContaining("cannot serve a complete copy");
        assertNothingApplied();
    }

    @Test
    void aPrimaryWhoseHistoryRestartedIsPulledAgainAsACompleteCopy() throws Exception {
        byte[] old = new byte[4096];
        java.util.Arrays.fill(old, (byte) 1);
        byte[] fresh = new byte[4096];
        java.util.Arrays.fill(fresh, (byte) 2);
        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("40", 3)).write(page(0, old))
                .write(page(1, old)).write(page(2, old))));
        assertThat(replica.pull().revision()).isEqualTo("40");
        // Checkpointed: the revision count restarts, and only the page written since comes incrementally.
        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("2", 2)).write(page(1, fresh))));
        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("2", 2)).write(page(0, fresh))
                .write(page(1, fresh))));
        assertThat(replica.pull().revision()).isEqualTo("2");
        fake.takeRequest(1, TimeUnit.SECONDS);
        fake.takeRequest(1, TimeUnit.SECONDS);
        assertThat(fake.takeRequest(1, TimeUnit.SECONDS).getBody().size()).as("the second pull starts from scratch")
                .isZero();
        byte[] file = Files.readAllBytes(dir.resolve("r.db"));
        assertThat(file).hasSize(2 * 4096);
        for (byte b : file) assertThat(b).isEqualTo((byte) 2);
    }

    @Test
    void aHangingPrimaryTimesOutNamingTheUrlAndTheTimeout() {
        fake.enqueue(new MockResponse().setBody(new Buffer().write(header("1", 0))).setHeadersDelay(2, TimeUnit.SECONDS));
        assertThatThrownBy(replica::pull)
                .isInstanceOf(OperationalError.class)
                .hasMessageContaining("timed out after 700 ms")
                .hasMessageContaining(fake.getHostName());
        assertNothingApplied();
    }

    private void assertNothingApplied() {
        assertThat(replica.revision()).isEmpty();
        assertThat(Files.exists(dir.resolve("r.db"))).isFalse();
        assertThat(Files.exists(dir.resolve("r.db.djorm-replica.redo"))).isFalse();
    }

    /** A length-delimited header: server_revision (1), db_size (2), raw_encoding (3). */
    private static byte[] header(String revision, int dbSize) {
        Buffer message = new Buffer().writeByte(0x0a).writeByte(revision.length()).writeUtf8(revision);
        if (dbSize > 0) message.writeByte(0x10).writeByte(dbSize);
        message.writeByte(0x1a).writeByte(0);
        return delimited(message.readByteArray());
    }

    /** A length-delimited PageData: page_id (1, omitted when 0), encoded_page (2). */
    private static byte[] page(int pageId, byte[] bytes) {
        Buffer message = new Buffer();
        if (pageId > 0) message.writeByte(0x08).writeByte(pageId);
        message.writeByte(0x12).writeByte(0x80).writeByte(0x20).write(bytes); // length 4096 as a varint
        return delimited(message.readByteArray());
    }

    private static byte[] delimited(byte[] message) {
        Buffer out = new Buffer();
        long length = message.length;
        while (length >= 0x80) {
            out.writeByte((int) (length & 0x7f) | 0x80);
            length >>>= 7;
        }
        return out.writeByte((int) length).write(message).readByteArray();
    }
}
