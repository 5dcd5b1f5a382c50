package io.djorm.libsql.internal.hrana;

import java.io.IOException;
import java.io.OutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The bytes of one request body as a JSON generator writes them, kept in okio's segments, which the HTTP
 * client passes on to the socket by reference. A byte array would be grown (copied) at each of the
 * generator's flushes past the first, trimmed to size, then copied into okio's segments once more to be sent:
 * three copies of a thousand-row insert's 100 KB where this makes one.
 */
final class RequestBytes extends OutputStream {
    private final Buffer buffer = new Buffer();

    @Override
    public void write(int b) {
        buffer.writeByte(b);
    }

    @Override
    public void write(byte[] b, int offset, int length) {
        buffer.write(b, offset, length);
    }

    /** Where the bytes are kept, for a writer that encodes its own part of the request ({@link HranaArgs}). */
    Buffer buffer() {
        return buffer;
    }

    /** How many bytes were written. */
    long size() {
        return buffer.size();
    }

    /**
     * The bytes as a request body. Each send writes a shared copy of the segments (no bytes copied), so the
     * body can be sent again, as a request that never left a stale connection is.
     */
    RequestBody body(MediaType type) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return buffer.size();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(buffer.copy(), buffer.size());
            }
        };
    }
}
