package io.djorm.sqlite;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.DatabaseUrl;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ENGINE {@code sqlite}: SQLite files and {@code :memory:} through sqlite-jdbc. Parses
 * {@code sqlite:///relative.db} (three slashes: relative), {@code sqlite:////absolute.db} (four:
 * absolute) and {@code sqlite://:memory:}; query parameters become OPTIONS.
 */
public final class SqliteBackend implements Backend {

    @Override
    public Set<String> engines() {
        return Set.of("sqlite", "sqlite3", "django.db.backends.sqlite3");
    }

    @Override
    public Database open(DatabaseSettings settings) {
        settings.requireKnownOptions(SqliteDatabase.OPTION_KEYS);
        return new SqliteDatabase(settings);
    }

    @Override
    public Map<String, Object> parseUrl(String url) {
        if (!url.startsWith("sqlite:")) return null;
        String rest = url.substring("sqlite:".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String name;
        if (rest.isEmpty() || rest.equals("//") || rest.equals("//:memory:") || rest.equals("///:memory:")) {
            name = ":memory:";
        } else if (rest.startsWith("///")) {
            name = rest.substring(3); // "////abs" keeps its leading slash
        } else {
            throw new ImproperlyConfigured("DATABASE_URL '" + url + "' is not a SQLite URL djorm understands. Use "
                    + "sqlite:///relative/path.db, sqlite:////absolute/path.db or sqlite://:memory:.");
        }
        if (name.isEmpty()) {
            throw new ImproperlyConfigured("DATABASE_URL '" + url + "' names no file. Use sqlite:///file.db.");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ENGINE", "sqlite");
        settings.put("NAME", DatabaseUrl.decode(name, url));
        Map<String, Object> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = DatabaseUrl.decode(eq < 0 ? pair : pair.substring(0, eq), url);
            String value = eq < 0 ? "true" : DatabaseUrl.decode(pair.substring(eq + 1), url);
            options.put(key, value);
        }
        if (!options.isEmpty()) settings.put("OPTIONS", options);
        return settings;
    }
}
