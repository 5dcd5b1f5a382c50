package io.djorm.libsql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.ImproperlyConfigured;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LibsqlUrlParserTest {

    @Test
    void aLibsqlHostIsARemoteDatabaseOverHttps() {
        Map<String, Object> s = LibsqlUrlParser.parse("libsql://my-db.turso.io?authToken=tok.en-1");
        assertThat(s).containsEntry("ENGINE", "libsql").containsEntry("NAME", "https://my-db.turso.io")
                .containsEntry("AUTH_TOKEN", "tok.en-1").containsEntry("OPTIONS", Map.of())
                .doesNotContainKey("SYNC_URL");
    }

    @Test
    void aNameParameterMakesAReplicaOfThatHost() {
        Map<String, Object> s = LibsqlUrlParser.parse("libsql://my-db.turso.io?authToken=t&NAME=replica.db");
        assertThat(s).containsEntry("NAME", "replica.db").containsEntry("SYNC_URL", "https://my-db.turso.io")
                .containsEntry("AUTH_TOKEN", "t");
    }

    @ParameterizedTest
    @CsvSource({
        "libsql+http://127.0.0.1:8080, http://127.0.0.1:8080",
        "libsql+https://db.example.com, https://db.example.com",
        "libsql+ws://db.example.com:8080, http://db.example.com:8080",
        "libsql+wss://db.example.com, https://db.example.com",
        "libsql://db.example.com/, https://db.example.com",
        "libsql://db.example.com/some/path, https://db.example.com/some/path",
        "sqlite+libsql://db.example.com:8080/?secure=true, https://db.example.com:8080",
        "sqlite+libsql://127.0.0.1:8080/?secure=false, http://127.0.0.1:8080",
        "sqlite+libsql://127.0.0.1:8080/, http://127.0.0.1:8080",
        "LIBSQL://Db.Example.com, https://db.example.com",
    })
    void remoteForms(String url, String expectedName) {
        assertThat(LibsqlUrlParser.parse(url)).containsEntry("ENGINE", "libsql").containsEntry("NAME", expectedName);
    }

    @Test
    void theSqlalchemyFormCarriesItsToken() {
        assertThat(LibsqlUrlParser.parse("sqlite+libsql://h:8080/?authToken=abc&secure=true"))
                .containsEntry("NAME", "https://h:8080").containsEntry("AUTH_TOKEN", "abc");
    }

    @ParameterizedTest
    @CsvSource({
        "libsql:///relative.db, relative.db",
        "libsql:///dir/relative.db, dir/relative.db",
        "libsql:////abs/path.db, /abs/path.db",
        "libsql:///:memory:, :memory:",
        "libsql:///with%20space.db, with space.db",
    })
    void localForms(String url, String expectedPath) {
        Map<String, Object> s = LibsqlUrlParser.parse(url);
        assertThat(s).containsEntry("ENGINE", "libsql").containsEntry("NAME", expectedPath)
                .doesNotContainKeys("SYNC_URL", "AUTH_TOKEN");
    }

    @Test
    void timeoutsBecomeOptions() {
        assertThat(LibsqlUrlParser.parse("libsql://h?timeout=5&connect_timeout=2").get("OPTIONS"))
                .isEqualTo(Map.of("TIMEOUT", "5", "CONNECT_TIMEOUT", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite:///x.db", "postgres://h/db", "https://db.example.com", "mysql://x"})
    void otherSchemesAreNotOurs(String url) {
        assertThat(LibsqlUrlParser.parse(url)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "libsql://?authToken=SECRET123|names no host",
        "libsql://|names no host",
        "libsql:db.example.com?authToken=SECRET123|no '://'",
        "libsql+ftp://h?authToken=SECRET123|not a libSQL scheme",
        "libsql://h:notaport?authToken=SECRET123|host or port is not valid",
        "libsql://h?authToken=SECRET123&colour=blue|'colour' is unknown",
        "libsql://h?authToken=SECRET123&secure=true|secure is only for sqlite+libsql",
        "sqlite+libsql://h/?authToken=SECRET123&secure=maybe|secure must be true or false",
        "libsql:///|names no file",
        "libsql+http:///local.db|needs the libsql:/// scheme",
        "libsql:///x.db?authToken=SECRET123|no meaning for a local file",
        "libsql://h?authToken=|authToken is empty",
        "libsql://h?authToken=SECRET123&NAME=|NAME is empty",
        "libsql://h?authToken|not key=value",
    })
    void malformedUrlsAreRejectedWithoutShowingTheToken(String url, String problem) {
        assertThatThrownBy(() -> LibsqlUrlParser.parse(url))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("libsql://host?authToken=...")
                .hasMessageNotContaining("SECRET123");
    }
}
