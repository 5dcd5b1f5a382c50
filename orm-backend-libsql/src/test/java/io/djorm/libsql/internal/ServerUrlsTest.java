package io.djorm.libsql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.ImproperlyConfigured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"libsql://db.example.com", "http://127.0.0.1:8080", "https://x.io/db", "db.example.com",
        "host:8080", "localhost:8080", "my-db-org.turso.io", "[::1]:8080"})
    void serversAreRecognised(String name) {
        assertThat(ServerUrls.namesServer(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {":memory:", "app.db", "data/app.sqlite3", "/var/lib/app.db", "mydb", "./x.db",
        "backup.v2.sqlite"})
    void filesAreNotServers(String name) {
        assertThat(ServerUrls.namesServer(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "libsql://db.example.com, https://db.example.com/",
        "libsql+ws://db.example.com:81, http://db.example.com:81/",
        "wss://db.example.com, https://db.example.com/",
        "db.example.com, https://db.example.com/",
        "db.example.com:8443, https://db.example.com:8443/",
        "localhost:8080, http://localhost:8080/",
        "127.0.0.1:8080, http://127.0.0.1:8080/",
        "http://127.0.0.1:8080/db, http://127.0.0.1:8080/db",
    })
    void addressesBecomeHttpUrls(String text, String url) {
        assertThat(ServerUrls.parse(text, "NAME").url()).hasToString(url);
    }

    @Test
    void aTokenInTheUrlIsTakenOutOfIt() {
        ServerUrls.ServerAddress a = ServerUrls.parse("libsql://h.io?authToken=SECRET", "NAME");
        assertThat(a.tokenFromUrl()).isEqualTo("SECRET");
        assertThat(a.url().toString()).doesNotContain("SECRET");
        assertThat(a.toString()).doesNotContain("SECRET");
    }

    @Test
    void badAddressesNameTheSettingAndHideTheToken() {
        assertThatThrownBy(() -> ServerUrls.parse("ftp://h?authToken=SECRET", "DATABASES[\"default\"].NAME"))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("DATABASES[\"default\"].NAME")
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> ServerUrls.parse("libsql://?authToken=SECRET", "NAME"))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("needs a host")
                .hasMessageNotContaining("SECRET");
    }
}
