package io.djorm.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * djorm's settings as Spring properties under {@code djorm.*} (Django: {@code settings.DATABASES},
 * {@code settings.INSTALLED_APPS}). Every property binds from {@code application.properties}/{@code .yaml},
 * the environment ({@code DJORM_DATABASES_DEFAULT_URL}) or any other Spring property source.
 *
 * <pre>
 * djorm.databases.default.url=sqlite:///db.sqlite3
 * djorm.installed-apps=com.example.shop
 * djorm.migrate-on-startup=true
 * </pre>
 */
@ConfigurationProperties(prefix = "djorm")
public class DjormProperties {
    /**
     * The databases by alias (Django: DATABASES). The alias "default" is required; querysets use it
     * unless told using("alias").
     */
    private Map<String, Database> databases = new LinkedHashMap<>();

    /**
     * Java packages whose models are registered, subpackages included (Django: INSTALLED_APPS). Empty: the
     * application's auto-configuration packages (the package of the @SpringBootApplication class).
     */
    private List<String> installedApps = new ArrayList<>();

    /** Whether to apply the migrations the application ships when the context starts (Django: migrate). */
    private boolean migrateOnStartup;

    /** Where migrate-on-startup finds migrations and which databases it migrates. */
    private final Migrations migrations = new Migrations();

    /** The databases by alias. */
    public Map<String, Database> getDatabases() {
        return databases;
    }

    /** Sets the databases by alias. */
    public void setDatabases(Map<String, Database> databases) {
        this.databases = databases;
    }

    /** The packages whose models are registered; empty means the auto-configuration packages. */
    public List<String> getInstalledApps() {
        return installedApps;
    }

    /** Sets the packages whose models are registered. */
    public void setInstalledApps(List<String> installedApps) {
        this.installedApps = installedApps;
    }

    /** Whether migrations are applied at start-up. */
    public boolean isMigrateOnStartup() {
        return migrateOnStartup;
    }

    /** Sets whether migrations are applied at start-up. */
    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    /** The migrate-on-startup settings. */
    public Migrations getMigrations() {
        return migrations;
    }

    /**
     * One database (Django: one entry of DATABASES). Give either {@code url} (as in DATABASE_URL) or
     * {@code engine} and {@code name}; {@code options}, {@code auth-token} and {@code sync-url} add to either.
     */
    public static class Database {
        /** The database as a URL, as in DATABASE_URL: sqlite:///db.sqlite3, libsql://host?authToken=..., libsql+http://127.0.0.1:8080. */
        private String url;
        /** The backend: "sqlite" or "libsql" (Django: ENGINE). */
        private String engine;
        /** The database file, or the server URL for libsql (Django: NAME). */
        private String name;
        /** The libSQL server's auth token (AUTH_TOKEN); never logged. */
        private String authToken;
        /** The primary of an embedded replica (SYNC_URL): NAME is then the local file. */
        private String syncUrl;
        /** Engine options (Django: OPTIONS), such as timeout, pool_size or SYNC_INTERVAL. */
        private Map<String, String> options = new LinkedHashMap<>();

        /** The URL, or null. */
        public String getUrl() {
            return url;
        }

        /** Sets the URL. */
        public void setUrl(String url) {
            this.url = url;
        }

        /** The ENGINE, or null. */
        public String getEngine() {
            return engine;
        }

        /** Sets the ENGINE. */
        public void setEngine(String engine) {
            this.engine = engine;
        }

        /** The NAME, or null. */
        public String getName() {
            return name;
        }

        /** Sets the NAME. */
        public void setName(String name) {
            this.name = name;
        }

        /** The AUTH_TOKEN, or null. */
        public String getAuthToken() {
            return authToken;
        }

        /** Sets the AUTH_TOKEN. */
        public void setAuthToken(String authToken) {
            this.authToken = authToken;
        }

        /** The SYNC_URL, or null. */
        public String getSyncUrl() {
            return syncUrl;
        }

        /** Sets the SYNC_URL. */
        public void setSyncUrl(String syncUrl) {
            this.syncUrl = syncUrl;
        }

        /** The OPTIONS. */
        public Map<String, String> getOptions() {
            return options;
        }

        /** Sets the OPTIONS. */
        public void setOptions(Map<String, String> options) {
            this.options = options;
        }

        /** Says which keys are set, never their values (the URL or token may hold a secret). */
        @Override
        public String toString() {
            return "Database[url=" + (url != null ? "<set>" : null) + ", engine=" + engine + ", options="
                    + options.keySet() + "]";
        }
    }

    /** Where migrate-on-startup reads migrations and which aliases it migrates. */
    public static class Migrations {
        /**
         * The migrations directory read first, as the orm command's --migrations; apps without a folder
         * there are read from the classpath's migrations/&lt;app&gt;/ resources (what a packaged app ships).
         */
        private String directory = "src/main/resources/migrations";
        /** The aliases migrate-on-startup migrates, in order (Django: migrate --database). */
        private List<String> databases = new ArrayList<>(List.of("default"));

        /** The migrations directory. */
        public String getDirectory() {
            return directory;
        }

        /** Sets the migrations directory. */
        public void setDirectory(String directory) {
            this.directory = directory;
        }

        /** The aliases to migrate. */
        public List<String> getDatabases() {
            return databases;
        }

        /** Sets the aliases to migrate. */
        public void setDatabases(List<String> databases) {
            this.databases = databases;
        }
    }
}
