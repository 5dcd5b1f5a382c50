package io.djorm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.ImproperlyConfigured;
import io.djorm.spring.internal.DjormSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code djorm.*} properties, bound as Spring binds them, become djorm's settings map. */
class PropertiesBindingTest {
    private static Map<String, Object> settings(Map<String, String> properties, List<String> defaultApps) {
        DjormProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("djorm", DjormProperties.class);
        return DjormSettings.of(bound, defaultApps);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> database(Map<String, Object> settings, String alias) {
        return (Map<String, Object>) ((Map<String, Object>) settings.get("DATABASES")).get(alias);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUrlIsParsedAsDatabaseUrlAndOptionsAddToIt() {
        Map<String, Object> s = settings(Map.of(
                "djorm.databases.default.url", "libsql://db.example.com?authToken=secret",
                "djorm.databases.default.options.timeout", "7"), List.of("com.example.shop"));
        Map<String, Object> db = database(s, "default");
        assertThat(db).containsEntry("ENGINE", "libsql").containsEntry("AUTH_TOKEN", "secret");
        assertThat((Map<String, Object>) db.get("OPTIONS")).containsEntry("timeout", "7");
        assertThat(s.get("INSTALLED_APPS")).isEqualTo(List.of("com.example.shop"));
    }

    @Test
    void engineNameTokenAndSyncUrlMapToDjangoKeysWhateverTheirCase() {
        Map<String, Object> s = settings(Map.of(
                "djorm.databases.replica.ENGINE", "libsql",
                "djorm.databases.replica.name", "local.db",
                "djorm.databases.replica.sync-url", "http://127.0.0.1:8080",
                "djorm.databases.replica.auth-token", "t0k",
                "djorm.databases.default.url", "sqlite:///db.sqlite3",
                "djorm.installed-apps", "com.example.shop,com.example.blog"), List.of("ignored"));
        assertThat(database(s, "replica")).containsEntry("ENGINE", "libsql").containsEntry("NAME", "local.db")
                .containsEntry("SYNC_URL", "http://127.0.0.1:8080").containsEntry("AUTH_TOKEN", "t0k")
                .doesNotContainKey("OPTIONS");
        assertThat(database(s, "default")).containsEntry("ENGINE", "sqlite");
        assertThat(s.get("INSTALLED_APPS")).isEqualTo(List.of("com.example.shop", "com.example.blog"));
    }

    @Test
    void mistakesAreImproperlyConfiguredNamingTheProperty() {
        assertThatThrownBy(() -> settings(Map.of(), List.of()))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("djorm.databases.default.url");
        assertThatThrownBy(() -> settings(Map.of("djorm.databases.default.url", "sqlite:///a.db",
                "djorm.databases.default.engine", "sqlite"), List.of()))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("both url and engine");
        assertThatThrownBy(() -> settings(Map.of("djorm.databases.default.name", "a.db"), List.of()))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("neither url nor engine");
    }
}
