package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.djorm.core.spi.Statement;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends Hrana pipelines over HTTP to one server. Speaks {@code v3/pipeline} and falls back to
 * {@code v2/pipeline} when the server lacks v3 (discovered once, by the first request; concurrent first
 * requests wait for that answer); appends {@code close} to a stream's last pipeline and stops doing so
 * when the server refuses it, and drops {@code is_autocommit} conditions when a server refuses those.
 * Every lesson is learned once per server and remembered.
 *
 * <p>Answers are read as a stream through {@code OPTIONS.MAX_RESPONSE_SIZE}, straight into rows of values
 * and checked to be valid Hrana replies as they are read ({@link ReplyReader}). A request is sent twice only when it provably never left:
 * its pooled connection had been closed by the server ({@link StaleConnectionCheck}). Thread-safe; one
 * instance per database alias, shared by its connections.
 */
public final class HranaClient implements AutoCloseable {
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Infinity, as some servers write it
            .build();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int QUOTE_LIMIT = 200;
    private static final int ERROR_BODY_LIMIT = 8192;
    private static final int STALE_RETRIES = 3;
    private static final int MAX_ABANDONED = 32;
    /** How long the best-effort rollback of an abandoned stream may take. */
    private static final Duration CLEANUP_DEADLINE = Duration.ofSeconds(2);
    private static final Statement ROLLBACK = Statement.of("ROLLBACK");
    /** The pipeline request's fixed parts, as a JSON generator wrote them (no spaces). */
    private static final byte[] BATON = SegmentWriter.ascii("{\"baton\":");
    private static final byte[] NULL = SegmentWriter.ascii("null");
    private static final byte[] REQUESTS = SegmentWriter.ascii(",\"requests\":[");
    private static final byte[] CLOSE = SegmentWriter.ascii(",{\"type\":\"close\"}");
    private static final byte[] PIPELINE_CLOSE = SegmentWriter.ascii("]}");
    /** Where every client's calls wait with their deadlines. */
    private static final CallsInFlight CALLS = CallsInFlight.SHARED;
    private final HranaEndpoint endpoint;
    private final OkHttpClient http;
    private final StaleConnectionCheck staleCheck = new StaleConnectionCheck();
    private final ServerCapabilities capabilities = new ServerCapabilities();
    private final Queue<AbandonedStream> abandoned = new ConcurrentLinkedQueue<>();
    private volatile PipelineUrl usualUrl;

    /** Creates a client with its own HTTP connection pool. */
    public HranaClient(HranaEndpoint endpoint) {
        this.endpoint = endpoint;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                // A request's deadline bounds it, from connecting to the answer's last byte, and is kept by
                // CallsInFlight rather than by OkHttp's call timeout, whose watchdog costs a thread wake-up per
                // request. Read and write timeouts of the same length could never fire first, and each costs
                // work on every socket read: a timed read on a channel socket switches it to non-blocking and
                // back (four fcntl calls and a poll) and arms the watchdog, which more than doubled the system
                // calls of a small query.
                .callTimeout(0, TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .connectTimeout(endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // OkHttp would silently resend a POST after some connection failures; a write must never
                // be sent twice, so only a request that provably never left is sent again (see post()).
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(staleCheck)
                .socketFactory(new ChannelSockets()) // lets the check above ask without waiting
                // Short keep-alive so that a pooled connection is rarely stale when reused.
                .connectionPool(new ConnectionPool(8, 10, TimeUnit.SECONDS));
        for (Interceptor interceptor : endpoint.interceptors()) builder.addInterceptor(interceptor);
        this.http = builder.build();
    }

    /** The server's address and limits. */
    public HranaEndpoint endpoint() {
        return endpoint;
    }

    /** How many times a pooled connection was checked for a close by the server, for tests. */
    long staleChecks() {
        return staleCheck.checks();
    }

    /** What this server has shown it supports. */
    ServerCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Sends one batch on a stream and returns the server's answer, checked to be a valid reply.
     *
     * @param baton the stream's baton, or null to open a new stream
     * @param baseUrl the stream's sticky URL, or null
     * @param batch the {@code batch} stream request
     * @param closeStream whether this is the stream's last pipeline (adds {@code close} where accepted)
     * @param requestBytes where the sending connection keeps the bytes of its requests
     */
    PipelineReply send(String baton, String baseUrl, BatchBuilder batch, boolean closeStream,
                       RequestBytesSlot requestBytes) throws TransportFailure {
        RequestBytes bytes = requestBytes.take();
        try {
            releaseAbandonedStreams(bytes);
            return send(baton, baseUrl, batch, closeStream, bytes);
        } finally {
            requestBytes.giveBack(bytes); // answered or failed: the synchronous call has finished writing them
        }
    }

    private PipelineReply send(String baton, String baseUrl, BatchBuilder batch, boolean closeStream, RequestBytes bytes)
            throws TransportFailure {
        int steps = batch.size();
        boolean writtenRowsOnly = batch.returnsOnlyWrittenRows();
        while (true) {
            boolean withClose = closeStream && capabilities.accepts("close");
            pipeline(bytes, baton, batch, withClose);
            HttpAnswer answer;
            boolean discovering = capabilities.beginDiscovery();
            try {
                answer = post(pipelineUrl(baseUrl), bytes, endpoint.timeout(), steps, withClose, writtenRowsOnly);
                if (discovering) {
                    if (answer.status() == 404) {
                        capabilities.learnV3(false); // nothing ran: the path does not exist
                        continue;
                    }
                    if (answer.successful()) capabilities.learnV3(true);
                }
            } finally {
                if (discovering) capabilities.endDiscovery();
            }
            if (withClose && refuses(answer, "close")) {
                capabilities.refuse("close"); // the request was rejected while parsing: nothing ran
                continue;
            }
            if (refuses(answer, "is_autocommit") && batch.dropAutocommitConditions()) {
                capabilities.refuse("is_autocommit");
                continue;
            }
            return parse(answer);
        }
    }

    /**
     * Gives up a stream whose last request got no answer (a timeout, a broken connection): that request
     * may still run and leave a transaction open, holding the write lock on a full server, or joining
     * later writes on a server that shares one connection. Sends a ROLLBACK (and {@code close}) for it
     * now, with a short deadline, and when that fails too, again before each later request until the
     * server answers.
     *
     * @param baton the stream's last baton, or null when the server never gave one
     * @param baseUrl the stream's sticky URL, or null
     */
    void abandon(String baton, String baseUrl) {
        boolean shared = !Boolean.TRUE.equals(capabilities.tracksStreams());
        if (baton == null && !shared) return; // a stream never named cannot be addressed: it expires on the server
        AbandonedStream stream = new AbandonedStream(baton, baseUrl, shared);
        if (release(stream, new RequestBytes())) return;
        abandoned.add(stream);
        while (abandoned.size() > MAX_ABANDONED) abandoned.poll();
    }

    /** How many abandoned streams still wait for their rollback. */
    int abandonedStreams() {
        return abandoned.size();
    }

    private void releaseAbandonedStreams(RequestBytes bytes) {
        for (int i = abandoned.size(); i > 0; i--) {
            AbandonedStream stream = abandoned.poll();
            if (stream == null) return;
            if (!release(stream, bytes)) {
                abandoned.add(stream);
                return; // the server still does not answer: try again before the next request
            }
        }
    }

    /** One best-effort attempt; true when the server answered (whatever it said, the stream is settled). */
    private boolean release(AbandonedStream stream, RequestBytes bytes) {
        BatchBuilder rollback = new BatchBuilder();
        // On a shared connection, only roll back when the connection is inside a transaction at all.
        rollback.add(ROLLBACK, stream.shared() ? BatchBuilder.not(BatchBuilder.isAutocommit()) : null);
        boolean close = stream.baton() != null && capabilities.accepts("close");
        try {
            pipeline(bytes, stream.baton(), rollback, close);
            post(pipelineUrl(stream.baseUrl()), bytes,
                    endpoint.timeout().compareTo(CLEANUP_DEADLINE) < 0 ? endpoint.timeout() : CLEANUP_DEADLINE,
                    rollback.size(), close, false);
            return true;
        } catch (TransportFailure stillUnanswered) {
            return false;
        }
    }

    /** Writes the pipeline request's JSON into {@code bytes}, cleared: the baton, the batch, and a {@code close} when asked. */
    private static void pipeline(RequestBytes bytes, String baton, BatchBuilder batch, boolean withClose) {
        bytes.clear();
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            w.write(BATON);
            if (baton == null) w.write(NULL);
            else HranaArgs.quoted(w, baton);
            w.write(REQUESTS);
            batch.writeTo(w);
            if (withClose) w.write(CLOSE);
            w.write(PIPELINE_CLOSE);
        }
    }

    private HttpUrl pipelineUrl(String baseUrl) {
        String pipelinePath = capabilities.pipelinePath();
        if (baseUrl == null) {
            // The usual URL, made once per protocol rather than for every request.
            PipelineUrl usual = usualUrl;
            if (usual == null || !usual.pipelinePath().equals(pipelinePath)) {
                usual = new PipelineUrl(pipelinePath, pipelineUrl(endpoint.url(), pipelinePath));
                usualUrl = usual;
            }
            return usual.url();
        }
        HttpUrl base = HttpUrl.parse(baseUrl);
        return pipelineUrl(base == null ? endpoint.url() : base, pipelinePath);
    }

    private static HttpUrl pipelineUrl(HttpUrl base, String pipelinePath) {
        String path = base.encodedPath().endsWith("/") ? pipelinePath : "/" + pipelinePath;
        return base.newBuilder().encodedPath(base.encodedPath() + path).query(null).build();
    }

    private HttpAnswer post(HttpUrl url, RequestBytes json, Duration deadline, int steps, boolean closeSent,
                            boolean writtenRowsOnly) throws TransportFailure {
        Request.Builder request = new Request.Builder().url(url).post(json.body(JSON));
        if (endpoint.authToken() != null) request.header("Authorization", "Bearer " + endpoint.authToken());
        return post(request, json.size(), deadline, steps, closeSent, writtenRowsOnly);
    }

    private HttpAnswer post(Request.Builder request, long requestBytes, Duration deadline, int steps, boolean closeSent,
                            boolean writtenRowsOnly) throws TransportFailure {
        for (int attempt = 0; ; attempt++) {
            Call call = http.newCall(request.build());
            CallsInFlight.InFlight flight = CALLS.track(call, this, deadline.toNanos());
            try (flight; Response response = call.execute()) {
                return read(response, requestBytes, steps, closeSent, writtenRowsOnly);
            } catch (StaleConnectionCheck.StaleConnection e) {
                if (attempt < STALE_RETRIES) continue; // it never left: sending it again is safe
                throw unreachable(e);
            } catch (IOException e) {
                // A call cancelled at its deadline fails with whatever the closed socket made of it.
                if (flight.expired() || e instanceof InterruptedIOException) throw timeout(deadline, e);
                throw unreachable(e);
            }
        }
    }

    private TransportFailure timeout(Duration deadline, IOException e) {
        return new TransportFailure(TransportFailure.Kind.TIMEOUT, "The libSQL server at " + endpoint.displayUrl()
                + " did not answer within " + seconds(deadline) + " (OPTIONS.TIMEOUT; connection attempts"
                + " wait up to OPTIONS.CONNECT_TIMEOUT, " + seconds(endpoint.connectTimeout())
                + "). Check that the server is healthy, or raise OPTIONS.TIMEOUT for slow statements.", e);
    }

    /** For a WebSocket URL, what djorm made of it and what to do when the server does not answer HTTP there. */
    private String webSocketHint() {
        if (endpoint.webSocketScheme() == null) return "";
        return " NAME uses " + endpoint.webSocketScheme() + "://, which djorm reaches over " + endpoint.url().scheme()
                + "://, and this server does not answer Hrana over HTTP on that address. Give its HTTP URL (https://"
                + " or libsql://) in NAME instead.";
    }

    private TransportFailure unreachable(IOException e) {
        boolean notHttp = e instanceof SSLException || e instanceof java.net.ProtocolException
                || String.valueOf(e.getMessage()).contains("unexpected end");
        String webSocket = notHttp ? webSocketHint() : "";
        return new TransportFailure(TransportFailure.Kind.UNREACHABLE, "Could not reach the libSQL server at "
                + endpoint.displayUrl() + " (" + e.getClass().getSimpleName() + ": " + scrub(e.getMessage())
                + ")." + webSocket + " Check that the server is running and that NAME points to it; requests wait up to "
                + seconds(endpoint.timeout()) + " (OPTIONS.TIMEOUT) and connection attempts up to "
                + seconds(endpoint.connectTimeout()) + " (OPTIONS.CONNECT_TIMEOUT).", e);
    }

    /**
     * Reads the answer: a successful one read as it streams in, through the size limit, into the reply to
     * a batch of {@code steps} steps (one of moderate length read whole first when its rows are those of writes
     * with RETURNING, {@code writtenRowsOnly}, for the keys they return).
     */
    private HttpAnswer read(Response response, long requestBytes, int steps, boolean closeSent, boolean writtenRowsOnly)
            throws IOException, TransportFailure {
        ResponseBody body = response.body();
        int status = response.code();
        if (status < 200 || status >= 300) {
            String text = body == null ? "" : new String(body.byteStream().readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            return new HttpAnswer(status, null, null, text, requestBytes);
        }
        if (body == null) return new HttpAnswer(status, null, "the body is empty", "", requestBytes);
        BoundedBody bounded = new BoundedBody(body.byteStream(), endpoint.maxResponseBytes());
        try {
            // A valid reply's text is never quoted: only a failed or invalid answer's is.
            PipelineReply reply = ReplyReader.read(JSON_FACTORY, bounded, body.contentLength(), steps, closeSent,
                    writtenRowsOnly);
            return new HttpAnswer(status, reply, null, "", requestBytes);
        } catch (ReplyReader.BadReply e) {
            return new HttpAnswer(status, null, e.getMessage(), bounded.start(), requestBytes);
        } catch (BoundedBody.TooLarge e) {
            throw new TransportFailure(TransportFailure.Kind.TOO_LARGE_RESPONSE, "The libSQL server at "
                    + endpoint.displayUrl() + " sent an answer larger than OPTIONS.MAX_RESPONSE_SIZE ("
                    + endpoint.maxResponseBytes() + " bytes); djorm stopped reading it. The request itself ran on the"
                    + " server. Ask for fewer rows or columns (slice the query set), or raise OPTIONS.MAX_RESPONSE_SIZE.", e);
        } catch (JsonProcessingException e) {
            return new HttpAnswer(status, null, "it is not JSON", bounded.start(), requestBytes);
        }
    }

    private PipelineReply parse(HttpAnswer answer) throws TransportFailure {
        if (answer.status() == 401 || answer.status() == 403) {
            String why = endpoint.authToken() == null ? "no AUTH_TOKEN is set"
                    : "the AUTH_TOKEN was rejected: it may be wrong, expired or for another database";
            throw new TransportFailure(TransportFailure.Kind.AUTH, "The libSQL server at " + endpoint.displayUrl()
                    + " refused the credentials (HTTP " + answer.status() + "): " + why + ". Set AUTH_TOKEN in"
                    + " DATABASES[\"" + endpoint.alias() + "\"] to a valid token for this database.", null);
        }
        if (answer.status() == 413) {
            throw new TransportFailure(TransportFailure.Kind.TOO_LARGE_REQUEST, "The libSQL server at "
                    + endpoint.displayUrl() + " refused a request of " + answer.requestBytes() + " bytes as too large"
                    + " (HTTP 413), so none of it ran. djorm splits the writes of a transaction into requests of at most"
                    + " OPTIONS.MAX_REQUEST_SIZE (" + endpoint.maxRequestBytes() + " bytes): set it below the server's"
                    + " limit; a single statement larger than that must be made smaller.", null);
        }
        if (!answer.successful()) {
            throw new TransportFailure(TransportFailure.Kind.HTTP_STATUS, "The libSQL server at "
                    + endpoint.displayUrl() + " answered HTTP " + answer.status() + ": " + quote(answer.text())
                    + (answer.status() < 500 ? "." + webSocketHint() : ""), null);
        }
        if (answer.reply() == null) {
            throw new TransportFailure(TransportFailure.Kind.BAD_BODY, "The libSQL server at " + endpoint.displayUrl()
                    + " answered with a body that is not a valid Hrana pipeline reply (" + answer.problem() + "): "
                    + quote(answer.text()) + ". Check that NAME points to a libSQL server and not to a proxy or web"
                    + " page; if it does, the server is faulty.", null);
        }
        return answer.reply();
    }

    /** Whether the server rejected a request or condition type it does not know (tursodb: HTTP 500, parse error). */
    private static boolean refuses(HttpAnswer answer, String type) {
        if (answer.status() < 400 || answer.status() == 401 || answer.status() == 403) return false;
        String body = answer.text();
        boolean namesType = body.contains("`" + type + "`") || body.contains("\"" + type + "\"");
        String lower = body.toLowerCase(Locale.ROOT);
        return namesType && (lower.contains("unknown") || lower.contains("parse"));
    }

    private String quote(String body) {
        String text = scrub(body).strip();
        if (text.isEmpty()) return "(empty body)";
        return "\"" + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text) + "\"";
    }

    /** Removes the token from text that came from elsewhere (a server echoing headers, say). */
    private String scrub(String text) {
        if (text == null) return "";
        String token = endpoint.authToken();
        return token == null || token.isEmpty() ? text : text.replace(token, "<hidden>");
    }


    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /**
     * Abandons the HTTP calls {@code sender} is waiting on, from another thread: the waiting send fails
     * as unreachable (an {@code IOException} "Canceled"), and the server sees the request go away.
     */
    void cancelCallsOf(Thread sender) {
        CALLS.cancelAll(this, sender);
    }

    /** Shuts the HTTP client's threads and pooled connections down. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        CALLS.wake(); // its watcher ends if nothing else is in flight
    }

    @Override
    public String toString() {
        return "HranaClient[" + endpoint.displayUrl() + "]";
    }

    /**
     * What came back over HTTP.
     *
     * @param status the HTTP status
     * @param reply the reply read from a successful answer, or null when it was not one (or not successful)
     * @param problem why a successful answer is not a valid reply, or null
     * @param text the start of the body, for messages
     * @param requestBytes the size of the request body that was answered
     */
    private record HttpAnswer(int status, PipelineReply reply, String problem, String text, long requestBytes) {
        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** The pipeline URL of the endpoint's own address for one protocol version. */
    private record PipelineUrl(String pipelinePath, HttpUrl url) {
    }

    /** A stream given up after its request went unanswered; {@code shared}: the server shares one connection. */
    private record AbandonedStream(String baton, String baseUrl, boolean shared) {
    }
}
