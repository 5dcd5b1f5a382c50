package io.djorm.libsql.internal.replica;

import io.djorm.core.AuthenticationError;
import io.djorm.core.OperationalError;
import io.djorm.libsql.internal.NoDelaySockets;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Asks the primary for the pages changed since a revision ({@code POST <url>/pull-updates}) and streams
 * them into a {@link PageReceiver}. Every failure becomes a {@link io.djorm.core.DatabaseError} whose
 * message names the primary and the fix; the token never appears in one.
 */
final class PullClient {
    private static final MediaType PROTOBUF = MediaType.get("application/protobuf");
    private static final int QUOTED_BODY_CHARS = 200;
    private final SyncSource source;
    private final OkHttpClient http;
    /** The pull in flight, for {@link #cancel()}. */
    private volatile Call current;
    private volatile boolean cancelled;

    PullClient(SyncSource source, OkHttpClient http) {
        this.source = source;
        // Without Nagle's delay, as the Hrana requests go: a request sent in several writes would otherwise
        // wait up to 40 ms for the server's delayed acknowledgement between them.
        this.http = http.newBuilder().socketFactory(new NoDelaySockets())
                .callTimeout(source.timeout()).readTimeout(source.timeout()).build();
    }

    /**
     * Pulls the pages changed after {@code clientRevision} (empty: everything) into the receiver.
     *
     * @return the number of body bytes received
     * @throws OperationalError when the primary cannot be reached, times out, fails or sends a garbled
     *         body; the receiver may have seen part of the response and must discard it
     * @throws AuthenticationError when the primary refuses the token
     * @throws IOException only when the receiver itself fails (writing locally), never for the network
     */
    long pull(String clientRevision, PageReceiver receiver) throws IOException {
        ShieldedReceiver shielded = new ShieldedReceiver(receiver);
        try {
            return fetch(clientRevision, shielded);
        } catch (ReceiverFailure failure) {
            throw failure.getCause();
        }
    }

    private long fetch(String clientRevision, PageReceiver receiver) {
        Request.Builder request = new Request.Builder()
                .url(source.url().newBuilder().addPathSegment("pull-updates").build())
                .post(RequestBody.create(PullProtocol.encodeRequest(clientRevision), PROTOBUF));
        if (source.authToken() != null && !source.authToken().isEmpty()) {
            request.header("Authorization", "Bearer " + source.authToken());
        }
        Call call = http.newCall(request.build());
        current = call;
        if (cancelled) call.cancel(); // cancel() ran just before this call existed
        try (Response response = call.execute()) {
            checkStatus(response);
            ResponseBody body = response.body();
            if (body == null) throw garbled("the response has no body", null);
            CountingInputStream counted = new CountingInputStream(body.byteStream());
            try {
                PullProtocol.decodeResponse(counted, receiver);
            } catch (MalformedPullResponseException e) {
                throw garbled(e.getMessage(), e);
            }
            return counted.count;
        } catch (InterruptedIOException e) {
            throw new OperationalError("Pulling replica updates from the primary at " + source.displayUrl()
                    + " timed out after " + source.timeout().toMillis() + " ms. The replica keeps its last synced "
                    + "state; check that the server is up, or raise OPTIONS.TIMEOUT for large pulls.", e);
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new OperationalError("The pull from the primary at " + source.displayUrl() + " was cancelled"
                        + " because the replica is closing. Nothing was applied.", e);
            }
            throw new OperationalError("Could not reach the primary at " + source.displayUrl()
                    + " to pull replica updates (timeout " + source.timeout().toMillis() + " ms): " + e.getMessage()
                    + ". The replica keeps its last synced state; check SYNC_URL and that the server is running.", e);
        }
    }

    /**
     * Cancels the download in flight, if any, and every later one: they fail at once and nothing of them
     * is applied. A pull that already has all its pages (and is writing them) is not affected.
     */
    void cancel() {
        cancelled = true;
        Call call = current;
        if (call != null) call.cancel();
    }

    private void checkStatus(Response response) {
        int code = response.code();
        if (code == 401 || code == 403) {
            throw new AuthenticationError("The primary at " + source.displayUrl() + " refused the replica's credentials"
                    + " (HTTP " + code + "). Set AUTH_TOKEN to a valid, unexpired token for this database.");
        }
        if (!response.isSuccessful()) {
            throw new OperationalError("The primary at " + source.displayUrl() + " answered HTTP " + code
                    + " to pull-updates: " + quote(response) + ". Nothing was applied; the replica keeps its last "
                    + "synced state. Check that SYNC_URL points at a libSQL/Turso sync endpoint.");
        }
    }

    private OperationalError garbled(String detail, Throwable cause) {
        return new OperationalError("The primary at " + source.displayUrl() + " sent a pull-updates response that "
                + "could not be read (garbled body: " + detail + "). Nothing was applied; the replica keeps its last "
                + "synced state. Check that SYNC_URL points at a libSQL/Turso sync endpoint, not a proxy.", cause);
    }

    private static String quote(Response response) {
        try {
            String text = response.peekBody(QUOTED_BODY_CHARS * 4L).string().strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) return "(empty body)";
            return "\"" + (text.length() > QUOTED_BODY_CHARS ? text.substring(0, QUOTED_BODY_CHARS) + "..." : text) + "\"";
        } catch (IOException e) {
            return "(body unreadable)";
        }
    }

    /** Keeps the receiver's local I/O failures apart from network failures while the body streams. */
    private static final class ReceiverFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReceiverFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private record ShieldedReceiver(PageReceiver target) implements PageReceiver {
        @Override
        public void header(PullHeader header) {
            try {
                target.header(header);
            } catch (IOException e) {
                throw new ReceiverFailure(e);
            }
        }

        @Override
        public void page(PulledPage page) {
            try {
                target.page(page);
            } catch (IOException e) {
                throw new ReceiverFailure(e);
            }
        }
    }

    /** Counts the bytes read, for {@code SyncResult.bytesReceived}. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
