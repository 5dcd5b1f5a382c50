package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request body collected from a JSON generator, in an array of its exact length. */
class RequestBytesTest {
    @Test
    void oneFlushIsKeptAsIs() {
        RequestBytes bytes = new RequestBytes();
        byte[] buffer = "..{\"a\":1}..".getBytes(StandardCharsets.UTF_8);
        bytes.write(buffer, 2, 7);
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        buffer[2] = 'X'; // the generator reuses its buffer: the bytes kept must be a copy
        assertThat(bytes.toByteArray()).hasSize(7).startsWith('{');
    }

    @Test
    void manyWritesAndSingleBytesAddUp() {
        RequestBytes bytes = new RequestBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            byte[] chunk = ("chunk" + i).getBytes(StandardCharsets.UTF_8);
            bytes.write(chunk, 0, chunk.length);
            bytes.write('|');
            expected.write(chunk, 0, chunk.length);
            expected.write('|');
        }
        assertThat(bytes.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(new RequestBytes().toByteArray()).isEmpty();
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
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"sql\":\"" + text + "\"}");
    }
}
