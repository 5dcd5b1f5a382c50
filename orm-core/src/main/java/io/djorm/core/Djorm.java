package io.djorm.core;

import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.InstalledBackends;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entry point: {@link #configure(Map)} once at start-up with Django-shaped settings, then use the
 * models' managers.
 *
 * <pre>{@code
 * Djorm.configure(Map.of(
 *     "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "shop.db")),
 *     "INSTALLED_APPS", List.of("com.example.shop")));
 * }</pre>
 *
 * Settings keys: {@code DATABASES} (alias → {@code ENGINE}, {@code NAME}, {@code OPTIONS}, and
 * engine-specific keys), or {@code DATABASE_URL} for the {@code default} alias; {@code INSTALLED_APPS}
 * (Java packages whose models are registered).
 */
public final class Djorm {
    /** The alias used when none is given. */
    public static final String DEFAULT_DB_ALIAS = "default";
    private static final Set<String> KNOWN_KEYS = Set.of("DATABASES", "DATABASE_URL", "INSTALLED_APPS");
    private static final Map<String, String> ARTIFACT_BY_ENGINE = Map.of(
            "libsql", "io.djorm:orm-backend-libsql", "sqlite", "io.djorm:orm-backend-sqlite");
    private static volatile State state;

    private record State(Map<String, DatabaseHandle> handles, Apps apps) {
    }

    private Djorm() {
    }

    /**
     * Configures djorm, replacing (and closing) any earlier configuration. Raises
     * {@link ImproperlyConfigured} naming the key and the fix when a setting is missing or wrong.
     */
    public static synchronized void configure(Map<String, ?> settings) {
        if (settings == null) throw new ImproperlyConfigured("Djorm.configure(null): pass a settings map with DATABASES.");
        for (String key : settings.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw new ImproperlyConfigured("Unknown setting '" + key + "'. Known settings: "
                        + String.join(", ", new TreeSet<>(KNOWN_KEYS)) + ".");
            }
        }
        refuseWhileTransactionsOpen();
        Map<String, Map<String, Object>> databases = databases(settings);
        Apps apps = new Apps(installedApps(settings.get("INSTALLED_APPS")));
        Map<String, Backend> backends = backends();
        Map<String, DatabaseHandle> handles = new LinkedHashMap<>();
        try {
            for (var entry : databases.entrySet()) {
                DatabaseSettings db = new DatabaseSettings(entry.getKey(), entry.getValue());
                Backend backend = backends.get(db.engine());
                if (backend == null) throw unknownEngine(db, backends.keySet());
                handles.put(entry.getKey(), new DatabaseHandle(entry.getKey(), backend.open(db)));
            }
        } catch (RuntimeException e) {
            handles.values().forEach(DatabaseHandle::close);
            throw e;
        }
        State previous = state;
        state = new State(Map.copyOf(handles), apps);
        if (previous != null) previous.handles.values().forEach(DatabaseHandle::close);
    }

    /**
     * Statements of a block still open on an old handle would run on the new handle's connections,
     * outside the block, and wait on its lock: reconfiguring waits for no one and refuses instead.
     */
    private static void refuseWhileTransactionsOpen() {
        State s = state;
        if (s == null) return;
        for (DatabaseHandle h : s.handles.values()) {
            int open = h.openTransactions();
            if (open > 0) {
                throw new TransactionManagementError("Djorm.configure() was called while " + open + " atomic block(s) are"
                        + " open on alias '" + h.alias() + "'. Finish them (commit or roll back) before reconfiguring;"
                        + " their remaining statements would otherwise run outside the transaction.");
            }
        }
    }

    private static ImproperlyConfigured unknownEngine(DatabaseSettings db, Set<String> known) {
        String artifact = ARTIFACT_BY_ENGINE.get(db.engine());
        String fix = artifact != null ? "Add the dependency " + artifact + " to the classpath."
                : "Installed engines: " + String.join(", ", new TreeSet<>(known)) + ".";
        return new ImproperlyConfigured("DATABASES[\"" + db.alias() + "\"].ENGINE is '" + db.engine()
                + "', but no installed backend provides it. " + fix);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> databases(Map<String, ?> settings) {
        Object raw = settings.get("DATABASES");
        Object url = settings.get("DATABASE_URL");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (raw == null && url == null) {
            throw new ImproperlyConfigured("Settings have no DATABASES. Add DATABASES = {\"default\": {\"ENGINE\": "
                    + "\"sqlite\", \"NAME\": \"db.sqlite3\"}} or DATABASE_URL = \"sqlite:///db.sqlite3\".");
        }
        if (raw != null) {
            if (!(raw instanceof Map<?, ?> map)) {
                throw new ImproperlyConfigured("DATABASES must be a map of alias to settings, not "
                        + raw.getClass().getSimpleName() + ".");
            }
            for (var e : map.entrySet()) {
                if (!(e.getKey() instanceof String alias) || !(e.getValue() instanceof Map<?, ?> db)) {
                    throw new ImproperlyConfigured("DATABASES[\"" + e.getKey() + "\"] must be a map of settings "
                            + "(ENGINE, NAME, OPTIONS, ...).");
                }
                out.put(alias, new LinkedHashMap<>((Map<String, Object>) db));
            }
        }
        if (url != null) {
            if (out.containsKey(DEFAULT_DB_ALIAS)) {
                throw new ImproperlyConfigured("Both DATABASE_URL and DATABASES[\"default\"] are set; keep one.");
            }
            out.put(DEFAULT_DB_ALIAS, DatabaseUrl.parse(url.toString()));
        }
        if (!out.containsKey(DEFAULT_DB_ALIAS)) {
            throw new ImproperlyConfigured("DATABASES has no \"default\" alias (it has " + out.keySet()
                    + "). Name one database \"default\"; querysets use it unless told using(\"alias\").");
        }
        return out;
    }

    private static List<String> installedApps(Object raw) {
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> list)) {
            throw new ImproperlyConfigured("INSTALLED_APPS must be a list of Java package names, not "
                    + raw.getClass().getSimpleName() + ".");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || !s.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                throw new ImproperlyConfigured("INSTALLED_APPS entry '" + o + "' is not a Java package name "
                        + "such as \"com.example.shop\".");
            }
            out.add(s);
        }
        return out;
    }

    private static Map<String, Backend> backends() {
        Map<String, Backend> out = new LinkedHashMap<>();
        for (Backend b : InstalledBackends.all()) {
            for (String engine : b.engines()) out.putIfAbsent(engine, b);
        }
        return out;
    }

    private static State state() {
        State s = state;
        if (s == null) {
            throw new ImproperlyConfigured("djorm is not configured. Call Djorm.configure(settings) once at start-up, "
                    + "before using any model.");
        }
        return s;
    }

    /** Whether {@link #configure} has run (and {@link #shutdown} has not). */
    public static boolean isConfigured() {
        return state != null;
    }

    /** The model registry. */
    public static Apps apps() {
        return state().apps;
    }

    /** The current configuration, compared by identity: what was resolved against it stays valid until the next configure(). */
    static Object configuration() {
        return state();
    }

    /** The configured aliases. */
    public static Set<String> aliases() {
        return state().handles.keySet();
    }

    /** The run-time handle of an alias; raises naming the configured aliases when unknown. */
    public static DatabaseHandle handle(String alias) {
        DatabaseHandle h = state().handles.get(alias);
        if (h == null) {
            throw new ImproperlyConfigured("The database alias '" + alias + "' is not configured. Configured aliases: "
                    + new TreeSet<>(state().handles.keySet()) + ".");
        }
        return h;
    }

    /** The backend database of an alias (for backends, migrations and tools). */
    public static Database database(String alias) {
        return handle(alias).database();
    }

    /** The connection of the default alias (Django: {@code django.db.connection}). */
    public static DatabaseConnection connection() {
        return connection(DEFAULT_DB_ALIAS);
    }

    /** The connection of an alias (Django: {@code connections[alias]}). */
    public static DatabaseConnection connection(String alias) {
        return new DatabaseConnection(handle(alias));
    }

    /** Closes every database; later calls fail until {@link #configure} runs again. */
    public static synchronized void shutdown() {
        State s = state;
        state = null;
        if (s != null) s.handles.values().forEach(DatabaseHandle::close);
    }
}
