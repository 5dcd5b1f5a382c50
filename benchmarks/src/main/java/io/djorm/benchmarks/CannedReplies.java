package io.djorm.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.Okio;

/**
 * An interceptor that records the requests and answers of one run of an operation, then, when switched to
 * canned mode, answers each request of later runs with the recorded answer in turn without reaching the
 * network: the request body is written (to a sink that discards it) and the answer read, so what remains
 * of a run is the client's own work, free of the socket's and the server's noise.
 */
final class CannedReplies implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json");
    private final List<Exchange> recorded = new ArrayList<>();
    private boolean recording;
    private boolean canned;
    private int next;

    /** One recorded request and its answer. */
    record Exchange(byte[] request, byte[] reply) {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (canned) {
            Exchange e = recorded.get(next++ % recorded.size());
            BufferedSink discard = Okio.buffer(Okio.blackhole());
            if (request.body() != null) request.body().writeTo(discard);
            discard.flush();
            return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(e.reply(), JSON)).build();
        }
        Response response = chain.proceed(request);
        if (!recording) return response;
        okio.Buffer body = new okio.Buffer();
        if (request.body() != null) request.body().writeTo(body);
        byte[] reply = response.body().bytes();
        recorded.add(new Exchange(body.readByteArray(), reply));
        return response.newBuilder().body(ResponseBody.create(reply, JSON)).build();
    }

    /** Starts recording afresh (the server answers). */
    void record() {
        recorded.clear();
        recording = true;
        canned = false;
    }

    /** Answers from the recording from now on, starting at its first answer. */
    void answerCanned() {
        recording = false;
        canned = true;
        next = 0;
    }

    /** Lets requests through to the server again. */
    void passThrough() {
        recording = false;
        canned = false;
    }

    /** What was recorded. */
    List<Exchange> recorded() {
        return List.copyOf(recorded);
    }
}
