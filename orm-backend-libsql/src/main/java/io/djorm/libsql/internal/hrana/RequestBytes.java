package io.djorm.libsql.internal.hrana;

import java.io.IOException;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * The bytes of one request body as a {@link SegmentWriter} writes them, in chunks of 8 KiB that are kept
 * for the connection's next request ({@link RequestBytesSlot}). A body in okio's pooled segments took
 * fresh (zeroed) 8 KiB arrays beyond the pool's 8 segments per thread: a thousand-row insert's 177 KB,
 * 22 segments, allocated 14 on every request. A byte array grown by copying would copy a large body
 * again at each doubling; chunks are filled in place and never copied until sent.
 *
 * <p>{@link #clear()} keeps the first {@link #KEPT_CHUNKS} chunks and drops the rest, so a connection holds
 * at most that much between requests however large its largest request was. It also retires the bodies
 * made of the bytes so far ({@link #body}): one sent after the bytes were cleared (by a request body kept
 * past its call) fails instead of sending another request's bytes.
 *
 * <p>Not thread-safe: one request writes and sends it at a time.
 */
final class RequestBytes {
    /** The size of a chunk: okio's segment size, so that each chunk sent fills one of the socket's segments. */
    static final int CHUNK_SIZE = 8192;
    /** How many chunks {@link #clear()} keeps: 256 KiB, a thousand-row insert's body with room to spare. */
    static final int KEPT_CHUNKS = 32;

    private byte[][] chunks = new byte[4][];
    /** Where each chunk before the current one ends: a writer that needs its room in one piece leaves a gap. */
    private int[] ends = new int[4];
    /** The chunk being written, its index and the position in it. */
    private byte[] chunk;
    private int current;
    private int position;
    /** The bytes in the chunks before the current one. */
    private long before;
    /** Counts the clears: a body sends only the bytes of its own generation. */
    private int generation;

    RequestBytes() {
        chunk = chunks[0] = new byte[CHUNK_SIZE];
    }

    /** How many bytes were written. */
    long size() {
        return before + position;
    }

    /** The chunk being written, for a writer that stores into it directly ({@link SegmentWriter}). */
    byte[] chunk() {
        return chunk;
    }

    /** Where the next byte goes in {@link #chunk()}. */
    int position() {
        return position;
    }

    /** Counts the bytes a writer stored directly into {@link #chunk()}, up to {@code position}. */
    void position(int position) {
        this.position = position;
    }

    /**
     * Ends the current chunk at {@code end} (the bytes after it are not sent) and makes the next one
     * current, reusing a kept chunk when there is one.
     *
     * @return the new current chunk, empty
     */
    byte[] nextChunk(int end) {
        ends[current] = end;
        before += end;
        current++;
        if (current == chunks.length) {
            chunks = Arrays.copyOf(chunks, current * 2);
            ends = Arrays.copyOf(ends, current * 2);
        }
        if (chunks[current] == null) chunks[current] = new byte[CHUNK_SIZE];
        chunk = chunks[current];
        position = 0;
        return chunk;
    }

    /**
     * Forgets the bytes, for the next request, keeping at most {@link #KEPT_CHUNKS} chunks; the bodies made
     * so far can no longer be sent.
     */
    void clear() {
        generation++;
        if (chunks.length > KEPT_CHUNKS) {
            chunks = Arrays.copyOf(chunks, KEPT_CHUNKS);
            ends = Arrays.copyOf(ends, KEPT_CHUNKS);
        }
        current = 0;
        chunk = chunks[0];
        position = 0;
        before = 0;
    }

    /** How many chunks are held, written or kept: the memory held is this many times {@link #CHUNK_SIZE}. */
    int chunksHeld() {
        int n = 0;
        while (n < chunks.length && chunks[n] != null) n++;
        return n;
    }

    /** A copy of the bytes. */
    byte[] toByteArray() {
        byte[] out = new byte[Math.toIntExact(size())];
        int at = 0;
        for (int i = 0; i <= current; i++) {
            int n = i == current ? position : ends[i];
            System.arraycopy(chunks[i], 0, out, at, n);
            at += n;
        }
        return out;
    }

    /**
     * The bytes as a request body, sendable again (as a request that never left a stale connection is)
     * until they are cleared. Each chunk is copied into the socket's own (pooled) buffer, which sends a
     * segment as soon as it is full: the socket sees the same writes as for a byte-array body (the
     * headers, then full segments), and okio never holds more than two segments of the body at once.
     */
    RequestBody body(MediaType type) {
        int bodyGeneration = generation;
        long length = size();
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                if (generation != bodyGeneration) {
                    throw new IllegalStateException("this request body was sent after its call ended; its bytes are gone");
                }
                for (int i = 0; i <= current; i++) {
                    int n = i == current ? position : ends[i];
                    if (n > 0) sink.write(chunks[i], 0, n);
                }
            }
        };
    }
}
