package io.djorm.libsql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.DatabaseUrl;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.libsql.LibsqlBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens are used or refused, never dropped or printed; unknown OPTIONS are refused (issue 15, cases 8 and 9). */
class LibsqlSettingsHardeningTest {

    private static DatabaseSettings settings(Map<String, Object> values) {
        return new DatabaseSettings("default", values);
    }

    @Test
    void aTokenInUserInfoIsRefusedWithoutPrintingIt() {
        for (String name : new String[] {"http://user:T0KEN@127.0.0.1:8080", "libsql://user:T0KEN@db.example.com"}) {
            assertThatThrownBy(() -> new LibsqlBackend().open(settings(Map.of("ENGINE", "libsql", "NAME", name))))
                    .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("AUTH_TOKEN")
                    .hasMessageNotContaining("T0KEN");
        }
        assertThatThrownBy(() -> DatabaseUrl.parse("libsql://user:T0KEN@db.example.com"))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("authToken").hasMessageNotContaining("T0KEN");
    }

    @Test
    void aBareHostWithATokenIsAServerNotAFile() {
        assertThat(ServerUrls.namesServer("127.0.0.1:8080?authToken=T")).isTrue();
        ServerUrls.ServerAddress a = ServerUrls.parse("127.0.0.1:8080?authToken=T", "NAME");
        assertThat(a.tokenFromUrl()).isEqualTo("T");
        assertThat(a.url().toString()).isEqualTo("http://127.0.0.1:8080/");
    }

    @Test
    void parsedSettingsHideTheTokenWhenPrinted() {
        Map<String, Object> s = DatabaseUrl.parse("libsql://db.example.com?authToken=S3CRET");
        assertThat(s).containsEntry("AUTH_TOKEN", "S3CRET");
        assertThat(s.toString()).doesNotContain("S3CRET").contains("AUTH_TOKEN=<hidden>");
    }

    @Test
    void unknownOptionsAreRefusedForEveryMode() {
        assertThatThrownBy(() -> new LibsqlBackend().open(settings(Map.of("ENGINE", "libsql",
                "NAME", "http://127.0.0.1:1", "OPTIONS", Map.of("TIMEOUTT", 3)))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("'TIMEOUTT'").hasMessageContaining("CONNECT_TIMEOUT");
        assertThatThrownBy(() -> new LibsqlBackend().open(settings(Map.of("ENGINE", "libsql",
                "NAME", ":memory:", "OPTIONS", Map.of("SYNC_INTERVAL", 3)))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("'SYNC_INTERVAL'");
        assertThatThrownBy(() -> DatabaseUrl.parse("libsql:///data%")).isInstanceOf(ImproperlyConfigured.class);
    }
}
