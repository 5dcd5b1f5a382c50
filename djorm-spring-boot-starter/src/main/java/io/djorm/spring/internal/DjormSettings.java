package io.djorm.spring.internal;

import io.djorm.core.DatabaseUrl;
import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.spring.DjormProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the bound {@code djorm.*} properties into the settings map {@link Djorm#configure} takes. */
public final class DjormSettings {
    private DjormSettings() {
    }

    /**
     * The settings map: {@code DATABASES} from {@code djorm.databases}, {@code INSTALLED_APPS} from
     * {@code djorm.installed-apps}, or {@code defaultApps} when that is empty.
     */
    public static Map<String, Object> of(DjormProperties properties, List<String> defaultApps) {
        Map<String, DjormProperties.Database> databases = properties.getDatabases();
        if (databases.isEmpty()) {
            throw new ImproperlyConfigured("No djorm database is configured. Set djorm.databases.default.url (for "
                    + "example sqlite:///db.sqlite3) or djorm.databases.default.engine and .name in application.properties, "
                    + "or the environment variable DJORM_DATABASES_DEFAULT_URL.");
        }
        Map<String, Object> dbs = new LinkedHashMap<>();
        databases.forEach((alias, db) -> dbs.put(alias, database(alias, db)));
        List<String> apps = properties.getInstalledApps().isEmpty() ? defaultApps : properties.getInstalledApps();
        return Map.of("DATABASES", dbs, "INSTALLED_APPS", List.copyOf(apps));
    }

    private static Map<String, Object> database(String alias, DjormProperties.Database db) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        if (db.getUrl() != null) {
            if (db.getEngine() != null || db.getName() != null) {
                throw new ImproperlyConfigured("djorm.databases." + alias + " sets both url and engine/name. Keep one: "
                        + "the url already names the engine and the database.");
            }
            out.putAll(DatabaseUrl.parse(db.getUrl()));
            if (out.get("OPTIONS") instanceof Map<?, ?> fromUrl) {
                fromUrl.forEach((k, v) -> options.put(String.valueOf(k), v));
            }
        } else {
            if (db.getEngine() == null) {
                throw new ImproperlyConfigured("djorm.databases." + alias + " has neither url nor engine. Set "
                        + "djorm.databases." + alias + ".url=sqlite:///db.sqlite3, or .engine=sqlite and .name=db.sqlite3.");
            }
            out.put("ENGINE", db.getEngine());
            if (db.getName() != null) out.put("NAME", db.getName());
        }
        if (db.getAuthToken() != null) out.put("AUTH_TOKEN", db.getAuthToken());
        if (db.getSyncUrl() != null) out.put("SYNC_URL", db.getSyncUrl());
        options.putAll(db.getOptions());
        if (options.isEmpty()) out.remove("OPTIONS");
        else out.put("OPTIONS", options);
        return out;
    }

    /** The aliases {@code djorm.databases} names, {@code default} first (for one transaction manager each). */
    public static List<String> aliases(Map<String, ?> databases) {
        List<String> out = new java.util.ArrayList<>();
        out.add(Djorm.DEFAULT_DB_ALIAS);
        for (String alias : databases.keySet()) if (!out.contains(alias)) out.add(alias);
        return out;
    }
}
