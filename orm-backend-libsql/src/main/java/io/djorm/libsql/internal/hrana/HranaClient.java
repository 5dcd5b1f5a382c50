package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends Hrana pipelines over HTTP to one server. Speaks {@code v3/pipeline} and falls back to
 * {@code v2/pipeline} when the server lacks v3; appends {@code close} to a stream's last pipeline and
 * stops doing so when the server refuses it. Both lessons are learned once per server and remembered.
 * Thread-safe; one instance per database alias, shared by its connections.
 */
public final class HranaClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int QUOTE_LIMIT = 200;
    private final HranaEndpoint endpoint;
    private final OkHttpClient http;
    private final ServerCapabilities capabilities = new ServerCapabilities();

    /** Creates a client with its own HTTP connection pool. */
    public HranaClient(HranaEndpoint endpoint) {
        this.endpoint = endpoint;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // OkHttp would silently resend a POST after some connection failures; a write must never
                // be sent twice, so the connection decides about retries itself.
                .retryOnConnectionFailure(false)
                // Short keep-alive so that a pooled connection is rarely stale when reused.
                .connectionPool(new ConnectionPool(8, 10, TimeUnit.SECONDS));
        for (Interceptor interceptor : endpoint.interceptors()) builder.addInterceptor(interceptor);
        this.http = builder.build();
    }

    /** The server's address and limits. */
    public HranaEndpoint endpoint() {
        return endpoint;
    }

    /** What this server has shown it supports. */
    ServerCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Sends one batch on a stream and returns the server's answer.
     *
     * @param baton the stream's baton, or null to open a new stream
     * @param baseUrl the stream's sticky URL, or null
     * @param batch the {@code batch} stream request
     * @param closeStream whether this is the stream's last pipeline (adds {@code close} where accepted)
     */
    PipelineReply send(String baton, String baseUrl, ObjectNode batch, boolean closeStream) throws TransportFailure {
        while (true) {
            boolean withClose = closeStream && capabilities.accepts("close");
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("baton", baton);
            ArrayNode requests = body.putArray("requests");
            requests.add(batch);
            if (withClose) requests.addObject().put("type", "close");
            boolean sentV3 = capabilities.speaksV3(); // not read after the answer: a concurrent call may fall back first
            HttpUrl url = pipelineUrl(baseUrl);
            HttpAnswer answer = post(url, body);
            if (answer.status() == 404 && sentV3) {
                capabilities.fallBackToV2(); // nothing ran: the path does not exist
                continue;
            }
            if (withClose && refusesRequestType(answer, "close")) {
                capabilities.refuse("close"); // the request was rejected while parsing: nothing ran
                continue;
            }
            return parse(answer, withClose);
        }
    }

    private HttpUrl pipelineUrl(String baseUrl) {
        HttpUrl base = baseUrl == null ? endpoint.url() : HttpUrl.parse(baseUrl);
        if (base == null) base = endpoint.url();
        String path = base.encodedPath().endsWith("/") ? capabilities.pipelinePath() : "/" + capabilities.pipelinePath();
        return base.newBuilder().encodedPath(base.encodedPath() + path).query(null).build();
    }

    private HttpAnswer post(HttpUrl url, ObjectNode body) throws TransportFailure {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Hrana request could not be written as JSON", e);
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON))
                .tag(Thread.class, Thread.currentThread()); // lets cancelCallsOf find it
        if (endpoint.authToken() != null) request.header("Authorization", "Bearer " + endpoint.authToken());
        try (Response response = http.newCall(request.build()).execute()) {
            return new HttpAnswer(response.code(), response.body() == null ? "" : response.body().string());
        } catch (InterruptedIOException e) {
            throw new TransportFailure(TransportFailure.Kind.TIMEOUT, "The libSQL server at " + endpoint.displayUrl()
                    + " did not answer within " + seconds(endpoint.timeout()) + " (OPTIONS.TIMEOUT; connection attempts"
                    + " wait up to OPTIONS.CONNECT_TIMEOUT, " + seconds(endpoint.connectTimeout())
                    + "). Check that the server is healthy, or raise OPTIONS.TIMEOUT for slow statements.", e);
        } catch (IOException e) {
            throw new TransportFailure(TransportFailure.Kind.UNREACHABLE, "Could not reach the libSQL server at "
                    + endpoint.displayUrl() + " (" + e.getClass().getSimpleName() + ": " + scrub(e.getMessage())
                    + "). Check that the server is running and that NAME points to it; requests wait up to "
                    + seconds(endpoint.timeout()) + " (OPTIONS.TIMEOUT) and connection attempts up to "
                    + seconds(endpoint.connectTimeout()) + " (OPTIONS.CONNECT_TIMEOUT).", e);
        }
    }

    private PipelineReply parse(HttpAnswer answer, boolean closeSent) throws TransportFailure {
        if (answer.status() == 401 || answer.status() == 403) {
            String why = endpoint.authToken() == null ? "no AUTH_TOKEN is set"
                    : "the AUTH_TOKEN was rejected: it may be wrong, expired or for another database";
            throw new TransportFailure(TransportFailure.Kind.AUTH, "The libSQL server at " + endpoint.displayUrl()
                    + " refused the credentials (HTTP " + answer.status() + "): " + why + ". Set AUTH_TOKEN in"
                    + " DATABASES[\"" + endpoint.alias() + "\"] to a valid token for this database.", null);
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new TransportFailure(TransportFailure.Kind.HTTP_STATUS, "The libSQL server at "
                    + endpoint.displayUrl() + " answered HTTP " + answer.status() + ": " + quote(answer.body()), null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            root = null;
        }
        JsonNode first = root == null ? null : root.path("results").path(0);
        if (first == null || !first.isObject()) {
            throw new TransportFailure(TransportFailure.Kind.BAD_BODY, "The libSQL server at " + endpoint.displayUrl()
                    + " answered with a body that is not a Hrana pipeline response: " + quote(answer.body())
                    + ". Check that NAME points to a libSQL server and not to a proxy or web page.", null);
        }
        String baton = root.path("baton").isTextual() ? root.path("baton").asText() : null;
        String baseUrl = root.path("base_url").isTextual() ? root.path("base_url").asText() : null;
        if ("error".equals(first.path("type").asText())) {
            return new PipelineReply(baton, baseUrl, null, StepOutcome.failedRequest(first.path("error")), closeSent);
        }
        return new PipelineReply(baton, baseUrl, first.path("response").path("result"), null, closeSent);
    }

    /** Whether the server rejected a request type it does not know (the test server: HTTP 500, parse error). */
    private static boolean refusesRequestType(HttpAnswer answer, String type) {
        if (answer.status() < 400 || answer.status() == 401 || answer.status() == 403) return false;
        String body = answer.body();
        boolean namesType = body.contains("`" + type + "`") || body.contains("\"" + type + "\"");
        String lower = body.toLowerCase(java.util.Locale.ROOT);
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

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /**
     * Abandons the HTTP calls {@code sender} is waiting on, from another thread: the waiting send fails
     * as unreachable (an {@code IOException} "Canceled"), and the server sees the request go away.
     */
    void cancelCallsOf(Thread sender) {
        for (okhttp3.Call call : http.dispatcher().runningCalls()) {
            if (call.request().tag(Thread.class) == sender) call.cancel();
        }
    }

    /** Shuts the HTTP client's threads and pooled connections down. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "HranaClient[" + endpoint.displayUrl() + "]";
    }

    private record HttpAnswer(int status, String body) {
    }
}
