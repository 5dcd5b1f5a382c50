package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** A request body collected from a JSON generator and sent from okio's segments. */
class RequestBytesTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void theBytesWrittenAreSentAndCanBeSentAgain() throws IOException {
        RequestBytes bytes = new RequestBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) { // past several of okio's 8 KiB segments
            byte[] chunk = ("chunk" + i).getBytes(StandardCharsets.UTF_8);
            bytes.write(chunk, 0, chunk.length);
            bytes.write('|');
            expected.write(chunk, 0, chunk.length);
            expected.write('|');
        }
        RequestBody body = bytes.body(JSON);
        assertThat(body.contentLength()).isEqualTo(expected.size()).isEqualTo(bytes.size());
        assertThat(body.contentType()).isEqualTo(JSON);
        assertThat(sent(body)).isEqualTo(expected.toByteArray());
        assertThat(sent(body)).isEqualTo(expected.toByteArray()); // a retried request sends the same bytes
        assertThat(sent(new RequestBytes().body(JSON))).isEmpty();
    }

    @Test
    void theGeneratorsReusedBufferIsCopied() throws IOException {
        RequestBytes bytes = new RequestBytes();
        byte[] buffer = "..{\"a\":1}..".getBytes(StandardCharsets.UTF_8);
        bytes.write(buffer, 2, 7);
        buffer[2] = 'X'; // the generator reuses its buffer: the bytes kept must be a copy
        assertThat(new String(sent(bytes.body(JSON)), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aGeneratorsOutputLargerThanItsBufferArrivesWhole() throws IOException {
        String text = "x".repeat(50_000); // several flushes of the generator's 8,000-byte buffer
        RequestBytes bytes = new RequestBytes();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("sql", text);
            g.writeEndObject();
        }
        assertThat(new String(sent(bytes.body(JSON)), StandardCharsets.UTF_8)).isEqualTo("{\"sql\":\"" + text + "\"}");
    }

    @Test
    void aReleasedBodysSegmentsGoingToAnotherBufferLeaveWhatWasSentIntact() throws IOException {
        RequestBytes bytes = new RequestBytes();
        byte[] text = "a".repeat(40_000).getBytes(StandardCharsets.UTF_8);
        bytes.write(text, 0, text.length);
        Buffer sink = new Buffer();
        bytes.body(JSON).writeTo(sink);
        bytes.release(); // its segments go back to okio's pool...
        assertThat(bytes.size()).isZero();
        Buffer next = new Buffer();
        next.write("b".repeat(40_000).getBytes(StandardCharsets.UTF_8)); // ...and are written over by the next body
        assertThat(sink.readByteArray()).isEqualTo(text); // the sink holds bytes of its own
    }

    private static byte[] sent(RequestBody body) throws IOException {
        Buffer sink = new Buffer();
        body.writeTo(sink);
        return sink.readByteArray();
    }
}
