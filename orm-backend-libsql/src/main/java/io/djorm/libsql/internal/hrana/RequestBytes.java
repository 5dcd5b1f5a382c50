package io.djorm.libsql.internal.hrana;

import java.io.IOException;
import java.io.OutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The bytes of one request body as a JSON generator writes them, kept in okio's pooled segments. A byte
 * array would be grown (copied) at each of the generator's flushes past the first, trimmed to size, then
 * copied into okio's segments once more to be sent: three copies of a thousand-row insert's 100 KB where
 * this makes one. Once the request is answered, {@link #release()} gives the segments back to okio's pool,
 * so the next request's body reuses them instead of allocating (and zeroing) fresh 8 KiB arrays.
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

    /** Gives the segments back to okio's pool; the bytes must not be sent again. */
    void release() {
        buffer.clear();
    }

    /**
     * The bytes as a request body, sendable again (as a request that never left a stale connection is).
     * Each send copies the bytes into the socket's own (pooled) buffer rather than handing over shared
     * segments: okio never pools a segment once shared, so every body took fresh 8 KiB arrays. The socket
     * sees the same writes either way (the headers, then full segments), as it does for a byte-array body.
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
                try (Buffer.UnsafeCursor segment = buffer.readUnsafe()) {
                    for (int n = segment.seek(0); n != -1; n = segment.next()) {
                        sink.write(segment.data, segment.start, n);
                    }
                }
            }
        };
    }
}
