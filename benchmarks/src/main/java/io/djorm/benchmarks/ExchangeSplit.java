package io.djorm.benchmarks;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * An application interceptor that notes, for the last exchange it saw, when it entered the chain, when
 * the request body started and finished being written, when the response's headers came back, and when
 * the response body was last read and closed. Installed alike on djorm's client and the replay's, it splits
 * each side's wall time into its own work before the request, the wait for the answer, and the reading.
 */
final class ExchangeSplit implements Interceptor {
    /** Time stamps ({@link System#nanoTime()}) of the last exchange. */
    long entered;
    long bodyStart;
    long bodyEnd;
    long headers;
    long lastRead;
    long closed;

    @Override
    public Response intercept(Chain chain) throws IOException {
        entered = System.nanoTime();
        Request request = chain.request();
        RequestBody body = request.body();
        if (body != null) request = request.newBuilder().method(request.method(), timed(body)).build();
        Response response = chain.proceed(request);
        headers = System.nanoTime();
        ResponseBody original = response.body();
        if (original == null) return response;
        BufferedSource source = Okio.buffer(new ForwardingSource(original.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                lastRead = System.nanoTime();
                return n;
            }

            @Override
            public void close() throws IOException {
                closed = System.nanoTime();
                super.close();
            }
        });
        return response.newBuilder().body(ResponseBody.create(source, original.contentType(), original.contentLength())).build();
    }

    private RequestBody timed(RequestBody body) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return body.contentType();
            }

            @Override
            public long contentLength() throws IOException {
                return body.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                bodyStart = System.nanoTime();
                body.writeTo(sink);
                bodyEnd = System.nanoTime();
            }
        };
    }
}
