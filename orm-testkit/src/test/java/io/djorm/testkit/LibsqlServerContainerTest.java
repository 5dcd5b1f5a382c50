package io.djorm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs only where a Docker engine runs; skipped otherwise (the one test allowed to skip). */
@Testcontainers(disabledWithoutDocker = true)
class LibsqlServerContainerTest {
    @Container
    static final LibsqlServerContainer SERVER = new LibsqlServerContainer();

    @Test
    void servesHranaPipelinesAtItsUrl() throws IOException {
        assertThat(SERVER.url()).startsWith("http://").endsWith(":" + SERVER.getMappedPort(LibsqlServerContainer.HTTP_PORT));
        HttpURLConnection http = (HttpURLConnection) URI.create(SERVER.url() + "/v3/pipeline").toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/json");
        byte[] body = ("{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 40 + 2\"}},"
                + "{\"type\":\"close\"}]}").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
        assertThat(http.getResponseCode()).isEqualTo(200);
        String answer = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).contains("\"value\":\"42\"");
    }
}
