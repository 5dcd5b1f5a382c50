package io.djorm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {
    @Test
    void theReplaySendsAsDjormsTransportDoesWithoutTimeoutsOrNaglesDelay() throws Exception {
        OkHttpClient replay = RequestRecorder.HTTP;
        // A timed read or write arms okio's watchdog thread on every socket operation; djorm's client has none.
        assertThat(replay.readTimeoutMillis()).isZero();
        assertThat(replay.writeTimeoutMillis()).isZero();
        assertThat(replay.callTimeoutMillis()).isZero();
        try (Socket socket = replay.socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
