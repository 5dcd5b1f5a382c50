package io.djorm.libsql.internal.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.OperationalError;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class PullClientTest {
    @Test
    void pullsGoOverSocketsWithoutNaglesDelay() throws Exception {
        List<Boolean> noDelay = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder()
                .addNetworkInterceptor(chain -> {
                    noDelay.add(chain.connection().socket().getTcpNoDelay());
                    return chain.proceed(chain.request());
                })
                .build();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            Thread answering = new Thread(() -> answerOnce(server));
            answering.start();
            HttpUrl url = HttpUrl.get("http://" + loopback.getHostAddress() + ":" + server.getLocalPort());
            PullClient client = new PullClient(new SyncSource(url, null, Duration.ofSeconds(5)), http);
            assertThatThrownBy(() -> client.pull("", new PageReceiver() {
                @Override
                public void header(PullHeader header) {
                }

                @Override
                public void page(PulledPage page) {
                }
            })).isInstanceOf(OperationalError.class).hasMessageContaining("HTTP 503");
            answering.join();
        }
        assertThat(noDelay).containsExactly(true);
    }

    /** Reads one request (headers and body, so that closing sends no reset) and answers 503, closing the connection. */
    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) return;
                headers.append((char) b);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(headers);
            in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
