package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** A request body written in chunks that the next request reuses, and sent from them. */
class RequestBytesTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void theBytesWrittenAreSentAndCanBeSentAgain() throws IOException {
        RequestBytes bytes = new RequestBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            for (int i = 0; i < 3000; i++) { // past several chunks
                byte[] chunk = ("chunk" + i).getBytes(StandardCharsets.UTF_8);
                w.write(chunk);
                w.writeByte('|');
                expected.write(chunk, 0, chunk.length);
                expected.write('|');
            }
        }
        RequestBody body = bytes.body(JSON);
        assertThat(body.contentLength()).isEqualTo(expected.size()).isEqualTo(bytes.size());
        assertThat(body.contentType()).isEqualTo(JSON);
        assertThat(sent(body)).isEqualTo(expected.toByteArray());
        assertThat(sent(body)).isEqualTo(expected.toByteArray()); // a request resent after a stale connection
        assertThat(bytes.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(sent(new RequestBytes().body(JSON))).isEmpty();
    }

    @Test
    void theRoomAWriterLeftAtAChunksEndIsNotSent() throws IOException {
        RequestBytes bytes = new RequestBytes();
        write(bytes, "a".repeat(RequestBytes.CHUNK_SIZE - 5));
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            w.writeDecimal(Long.MAX_VALUE); // wants its 20 bytes in one piece: the next chunk
        }
        write(bytes, ".");
        String expected = "a".repeat(RequestBytes.CHUNK_SIZE - 5) + Long.MAX_VALUE + ".";
        assertThat(new String(sent(bytes.body(JSON)), StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(bytes.size()).isEqualTo(expected.length());
    }

    @Test
    void theNextRequestWritesIntoTheSameChunks() {
        RequestBytes bytes = new RequestBytes();
        Set<byte[]> first = chunksFilledBy(bytes, 177_000); // a thousand-row insert
        bytes.clear();
        assertThat(bytes.size()).isZero();
        Set<byte[]> second = chunksFilledBy(bytes, 177_000);
        assertThat(second).hasSize(first.size()).containsAll(first); // not one array allocated
    }

    @Test
    void aHugeRequestsChunksBeyondTheKeptOnesAreDroppedWhenCleared() {
        RequestBytes bytes = new RequestBytes();
        Set<byte[]> huge = chunksFilledBy(bytes, 2_000_000);
        assertThat(bytes.chunksHeld()).isEqualTo(huge.size()).isGreaterThan(RequestBytes.KEPT_CHUNKS);
        bytes.clear();
        assertThat(bytes.chunksHeld()).isEqualTo(RequestBytes.KEPT_CHUNKS);
        Set<byte[]> next = chunksFilledBy(bytes, 2_000_000);
        Set<byte[]> reused = identitySet();
        for (byte[] chunk : next) if (huge.contains(chunk)) reused.add(chunk);
        assertThat(reused).hasSize(RequestBytes.KEPT_CHUNKS); // the kept ones, and only those
        bytes.clear();
        assertThat(bytes.chunksHeld()).isEqualTo(RequestBytes.KEPT_CHUNKS);
    }

    @Test
    void aBodyKeptPastItsRequestRefusesToSendTheNextRequestsBytes() throws IOException {
        RequestBytes bytes = new RequestBytes();
        write(bytes, "first");
        RequestBody kept = bytes.body(JSON);
        bytes.clear();
        write(bytes, "second");
        assertThatThrownBy(() -> sent(kept)).isInstanceOf(IllegalStateException.class);
        assertThat(new String(sent(bytes.body(JSON)), StandardCharsets.US_ASCII)).isEqualTo("second");
    }

    @Test
    void theSocketGetsTheSameWritesAsForAByteArrayBody() throws IOException {
        RequestBytes bytes = new RequestBytes();
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 177_000; i++) text.append("{\"type\":\"integer\",\"value\":\"").append(i).append("\"},");
        try (SegmentWriter w = new SegmentWriter(bytes)) { // a writer that leaves gaps at the chunks' ends
            for (int i = 0; i < text.length(); i += 1000) {
                w.writeJsonChars(text.substring(i, Math.min(text.length(), i + 1000)), new byte[128], new byte[16]);
            }
        }
        byte[] expected = text.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(bytes.toByteArray()).isEqualTo(expected);
        List<Integer> ours = socketWrites(bytes.body(JSON));
        List<Integer> byteArray = socketWrites(RequestBody.create(expected, JSON));
        assertThat(ours).isEqualTo(byteArray);
        assertThat(ours.get(0)).isEqualTo(8192); // the headers and the body's start, then full segments
    }

    /** The writes a socket's output stream receives for headers then {@code body}, as OkHttp sends them. */
    private static List<Integer> socketWrites(RequestBody body) throws IOException {
        List<Integer> writes = new ArrayList<>();
        OutputStream socket = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int offset, int length) {
                writes.add(length);
            }
        };
        BufferedSink sink = Okio.buffer(Okio.sink(socket));
        sink.writeUtf8("POST /v3/pipeline HTTP/1.1\r\nContent-Length: " + body.contentLength() + "\r\n\r\n");
        body.writeTo(sink);
        sink.flush();
        return writes;
    }

    /** Writes {@code n} bytes and answers the chunks they went into. */
    private static Set<byte[]> chunksFilledBy(RequestBytes bytes, int n) {
        Set<byte[]> chunks = identitySet();
        byte[] piece = new byte[1000];
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            for (int written = 0; written < n; written += piece.length) {
                w.write(piece);
                chunks.add(bytes.chunk());
            }
        }
        return chunks;
    }

    /** Writes {@code text} (ASCII) with a writer of its own, after what was written before. */
    private static void write(RequestBytes bytes, String text) {
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            w.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Set<byte[]> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static byte[] sent(RequestBody body) throws IOException {
        Buffer sink = new Buffer();
        body.writeTo(sink);
        return sink.readByteArray();
    }
}
