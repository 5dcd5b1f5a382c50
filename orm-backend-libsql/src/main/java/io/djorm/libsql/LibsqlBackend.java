package io.djorm.libsql;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.spi.Backend;
import io.djorm.core.spi.Database;
import io.djorm.libsql.internal.LibsqlUrlParser;
import io.djorm.libsql.internal.ServerUrls;
import io.djorm.libsql.internal.hrana.HranaClient;
import io.djorm.libsql.internal.hrana.HranaEndpoint;
import io.djorm.libsql.internal.hrana.RemoteDatabase;
import io.djorm.sqlite.SqliteBackend;
import io.djorm.sqlite.SqliteDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;

/**
 * ENGINE {@code libsql}. Which database it opens follows from {@code NAME} and {@code SYNC_URL}:
 * <ul>
 *   <li><b>local</b>: NAME is a file path or {@code :memory:} (the default) and there is no SYNC_URL —
 *       a SQLite file through the sqlite backend;</li>
 *   <li><b>remote</b>: NAME is a server ({@code libsql://host}, {@code https://...}, {@code http://...},
 *       a bare {@code host:8080}), or NAME is {@code :memory:} and SYNC_URL names the server — every
 *       statement goes to the server over Hrana HTTP;</li>
 *   <li><b>replica</b>: NAME is a file path and SYNC_URL names the server — reads from the local file,
 *       writes to the server.</li>
 * </ul>
 * Further settings: {@code AUTH_TOKEN} (sent as a bearer token; never shown in logs or messages) and
 * {@code OPTIONS}: {@code TIMEOUT} (seconds a request may take, default 30), {@code CONNECT_TIMEOUT}
 * (seconds a connection attempt may take, default 10), {@code MAX_REQUEST_SIZE} (bytes a request may
 * have before a transaction's writes are split into several, default 1 MiB), {@code MAX_RESPONSE_SIZE}
 * (bytes of an answer read before giving up, default 32 MiB) and {@code INTERCEPTORS} (a list of OkHttp
 * interceptors, such as a {@link RoundTripCounter}).
 */
public final class LibsqlBackend implements Backend {
    private static final String MEMORY = ":memory:";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** OPTIONS a remote database reads; a replica reads these, SYNC_INTERVAL and the SQLite file's own. */
    private static final Set<String> REMOTE_OPTIONS = Set.of("TIMEOUT", "CONNECT_TIMEOUT", "INTERCEPTORS",
            "MAX_REQUEST_SIZE", "MAX_RESPONSE_SIZE");

    /** Creates the backend; found through {@link java.util.ServiceLoader}. */
    public LibsqlBackend() {
    }

    @Override
    public Set<String> engines() {
        return Set.of("libsql");
    }

    /** Parses libSQL URLs; see {@link LibsqlUrlParser} for the forms understood. */
    @Override
    public Map<String, Object> parseUrl(String url) {
        return LibsqlUrlParser.parse(url);
    }

    @Override
    public Database open(DatabaseSettings settings) {
        String name = settings.name(MEMORY);
        String syncUrl = settings.string("SYNC_URL");
        if (syncUrl != null && syncUrl.isBlank()) syncUrl = null;
        if (ServerUrls.namesServer(name)) {
            if (syncUrl != null) {
                throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"] has both a server in NAME ("
                        + ServerUrls.hideToken(name) + ") and a SYNC_URL. SYNC_URL is for embedded replicas: set NAME"
                        + " to a local file path to keep a replica, or remove SYNC_URL to use the server directly.");
            }
            settings.requireKnownOptions(REMOTE_OPTIONS);
            return openRemote(settings, name, "NAME");
        }
        if (syncUrl == null) return new SqliteBackend().open(settings);
        if (name.equals(MEMORY)) {
            settings.requireKnownOptions(REMOTE_OPTIONS);
            return openRemote(settings, syncUrl, "SYNC_URL");
        }
        Set<String> replicaOptions = new java.util.HashSet<>(REMOTE_OPTIONS);
        replicaOptions.add("SYNC_INTERVAL");
        replicaOptions.addAll(io.djorm.sqlite.SqliteDatabase.OPTION_KEYS);
        settings.requireKnownOptions(replicaOptions);
        return openReplica(settings);
    }

    private Database openRemote(DatabaseSettings settings, String address, String key) {
        HranaEndpoint endpoint = endpoint(settings, address, key);
        var functions = new io.djorm.libsql.internal.hrana.ServerFunctions();
        var dialect = SqliteDialect.forServer("libsql-remote (server " + ServerUrls.hideToken(address) + ")", functions);
        RemoteDatabase database = new RemoteDatabase(settings, new HranaClient(endpoint), dialect);
        functions.attach(database);
        return database;
    }

    /** The server named by setting {@code key}, with the token, timeouts, size limits and interceptors of OPTIONS. */
    private static HranaEndpoint endpoint(DatabaseSettings settings, String address, String key) {
        ServerUrls.ServerAddress server = ServerUrls.parse(address, "DATABASES[\"" + settings.alias() + "\"]." + key);
        String token = settings.string("AUTH_TOKEN");
        if (token == null || token.isBlank()) token = server.tokenFromUrl();
        return new HranaEndpoint(server.url(), token,
                positive(settings, "TIMEOUT", settings.secondsOption("TIMEOUT", DEFAULT_TIMEOUT)),
                positive(settings, "CONNECT_TIMEOUT", settings.secondsOption("CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT)),
                interceptors(settings), settings.alias(),
                bytes(settings, "MAX_REQUEST_SIZE", HranaEndpoint.DEFAULT_MAX_REQUEST_BYTES),
                bytes(settings, "MAX_RESPONSE_SIZE", HranaEndpoint.DEFAULT_MAX_RESPONSE_BYTES),
                server.webSocketScheme());
    }

    private static long bytes(DatabaseSettings settings, String key, long defaultValue) {
        long value = settings.longOption(key, defaultValue);
        if (value < 1024) {
            throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS." + key + " is " + value
                    + "; give a number of bytes of at least 1024 (the default is " + defaultValue + ").");
        }
        return value;
    }

    /**
     * Opens an embedded replica: a local file kept in step with the server at SYNC_URL.
     */
    private Database openReplica(DatabaseSettings settings) {
        HranaEndpoint endpoint = endpoint(settings, settings.string("SYNC_URL"), "SYNC_URL");
        return io.djorm.libsql.internal.replica.ReplicaDatabase.open(settings, new HranaClient(endpoint),
                new SqliteDialect());
    }

    private static Duration positive(DatabaseSettings settings, String key, Duration value) {
        if (value.isZero()) {
            throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS." + key + " is 0; give a"
                    + " number of seconds greater than 0.");
        }
        return value;
    }

    private static List<Interceptor> interceptors(DatabaseSettings settings) {
        Object value = settings.options().get("INTERCEPTORS");
        if (value == null) return List.of();
        List<Interceptor> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Interceptor interceptor)) {
                    throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS.INTERCEPTORS holds "
                            + (item == null ? "null" : "a " + item.getClass().getName())
                            + "; it must be a list of okhttp3.Interceptor.");
                }
                result.add(interceptor);
            }
            return result;
        }
        throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS.INTERCEPTORS is a "
                + value.getClass().getName() + "; it must be a list of okhttp3.Interceptor.");
    }
}
