package io.djorm.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.libsql.internal.NoDelaySockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Records the HTTP requests djorm sends while switched on, and replays them as bare HTTP posts: the
 * same bytes to the same URLs, with no ORM work around them. The replay is the "raw JDBC" of a remote
 * server: what the server and the network cost for exactly the work djorm asked for.
 */
final class RequestRecorder implements Interceptor {
    /** The replay's HTTP client: configured as djorm's own transport is, so that only djorm's work differs. */
    static final OkHttpClient HTTP = bareClient();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private List<Sent> recording;
    private String lastUrl;

    /** One recorded request. */
    record Sent(String url, byte[] body) {
    }

    @Override
    public synchronized Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        lastUrl = request.url().toString();
        if (recording != null && request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            recording.add(new Sent(lastUrl, buffer.readByteArray()));
        }
        return chain.proceed(request);
    }

    /**
     * An HTTP client that sends as djorm's Hrana client does: without Nagle's delay ({@link NoDelaySockets})
     * and without OkHttp's read, write and call timeouts, which djorm turns off because each timed socket
     * read or write arms okio's watchdog (a wake-up of its thread per read, 25-60 us of that thread's CPU
     * per request measured by {@link WireTrace}, on a 2-core machine shared with the server). A replay that
     * kept OkHttp's default 10 s timeouts paid that and djorm did not.
     */
    static OkHttpClient bareClient() {
        return new OkHttpClient.Builder()
                .socketFactory(new NoDelaySockets())
                .callTimeout(0, TimeUnit.MILLISECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .build();
    }

    /** Starts recording. */
    synchronized void start() {
        recording = new ArrayList<>();
    }

    /** Stops recording and returns what was sent. */
    synchronized List<Sent> stop() {
        List<Sent> out = recording;
        recording = null;
        return out;
    }

    /** The URL of the last request seen (the server's pipeline endpoint). */
    synchronized String url() {
        return lastUrl;
    }

    /**
     * Sends the recorded requests again, in order, each {@code pauseMillis} after the answer to the one
     * before. On tursodb a 1 ms pause is needed and counts in the time, as djorm's own work before a
     * request does: without it the replay sometimes reaches the server within microseconds of its last
     * answer, before it goes back to its 10 ms accept wait, and measures a rhythm no client doing any
     * work can have. A server that answers at once (the libSQL-engine test server) needs no pause.
     */
    void replay(List<Sent> sent, long pauseMillis) {
        for (Sent s : sent) {
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            post(List.of(s));
        }
    }

    /**
     * Posts each request and parses its whole answer into a JSON tree, as the least a hand-written
     * client must do to read any value from it.
     */
    static void post(List<Sent> requests) {
        post(HTTP, requests);
    }

    /** {@link #post(List)} through another client (one with a diagnostic interceptor, say). */
    static void post(OkHttpClient http, List<Sent> requests) {
        for (Sent s : requests) {
            Request request = new Request.Builder().url(s.url()).post(RequestBody.create(s.body(), JSON)).build();
            try (Response r = http.newCall(request).execute()) {
                if (!r.isSuccessful()) throw new IllegalStateException("HTTP " + r.code() + " from " + s.url());
                JsonNode answer = JSON_READER.readTree(r.body().byteStream());
                if (answer == null || !answer.has("results")) throw new IllegalStateException("no results from " + s.url());
                // A replay that fails (a refused baton, say) would time the wrong thing: stop instead.
                for (JsonNode result : answer.get("results")) {
                    if ("error".equals(result.path("type").asText())) {
                        throw new IllegalStateException("the replayed request failed: " + result);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
