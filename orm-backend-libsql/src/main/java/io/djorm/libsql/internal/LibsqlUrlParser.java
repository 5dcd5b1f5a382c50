package io.djorm.libsql.internal;

import io.djorm.core.DatabaseUrl;
import io.djorm.core.ImproperlyConfigured;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Parses {@code DATABASE_URL}s of the libSQL family into Django-shaped settings:
 * <ul>
 *   <li>{@code libsql://host?authToken=T} — a remote database over https;</li>
 *   <li>{@code libsql://host?authToken=T&NAME=replica.db} — an embedded replica of it in a local file;</li>
 *   <li>{@code libsql+http://}, {@code libsql+https://}, {@code libsql+ws://}, {@code libsql+wss://} —
 *       a remote database with an explicit transport (WebSocket URLs are served over HTTP);</li>
 *   <li>{@code libsql:///relative.db} and {@code libsql:////absolute/path.db} — a local file;</li>
 *   <li>{@code sqlite+libsql://host:8080/?authToken=T&secure=true} — SQLAlchemy's form (secure=true: https).</li>
 * </ul>
 */
public final class LibsqlUrlParser {
    private static final Set<String> SCHEMES = Set.of("libsql", "libsql+http", "libsql+https", "libsql+ws",
            "libsql+wss", "sqlite+libsql");
    private static final Set<String> REMOTE_PARAMS = Set.of("authToken", "NAME", "secure", "TIMEOUT", "CONNECT_TIMEOUT");
    private static final String FORMS = "Use libsql://host?authToken=..., libsql://host?authToken=...&NAME=replica.db,"
            + " libsql+http://host:port, libsql:///relative.db, libsql:////absolute/path.db or"
            + " sqlite+libsql://host:port/?authToken=...&secure=true.";

    private LibsqlUrlParser() {
    }

    /** Whether the URL belongs to the libSQL family (so malformed ones are reported, not passed on). */
    public static boolean isLibsqlUrl(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("libsql:") || lower.startsWith("libsql+") || lower.startsWith("sqlite+libsql:");
    }

    /** The settings of a libSQL URL, or null when the URL is not of the libSQL family. */
    public static Map<String, Object> parse(String url) {
        if (!isLibsqlUrl(url)) return null;
        String text = url.strip();
        int sep = text.indexOf("://");
        if (sep < 0) throw malformed(url, "it has no '://' after the scheme");
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) throw malformed(url, "the scheme '" + scheme + "' is not a libSQL scheme");
        String rest = text.substring(sep + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = queryParams(url, query);
        return rest.startsWith("/") ? local(url, scheme, rest, params) : remote(url, scheme, rest, params);
    }

    private static Map<String, Object> local(String url, String scheme, String rest, Map<String, String> params) {
        if (!scheme.equals("libsql") && !scheme.equals("sqlite+libsql")) {
            throw malformed(url, "a local file needs the libsql:/// scheme, not " + scheme + "://");
        }
        String path = DatabaseUrl.decode(rest.substring(1), url);
        if (path.isEmpty()) throw malformed(url, "it names no file after libsql:///");
        for (String key : params.keySet()) {
            if (!key.equals("TIMEOUT")) throw malformed(url, "the parameter '" + key + "' has no meaning for a local file");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ENGINE", "libsql");
        settings.put("NAME", path);
        settings.put("OPTIONS", options(params));
        return settings;
    }

    private static Map<String, Object> remote(String url, String scheme, String rest, Map<String, String> params) {
        for (String key : params.keySet()) {
            if (!REMOTE_PARAMS.contains(key)) {
                throw malformed(url, "the parameter '" + key + "' is unknown; known ones are " + REMOTE_PARAMS);
            }
        }
        String httpScheme;
        if (scheme.equals("sqlite+libsql")) {
            String secure = params.getOrDefault("secure", "false").toLowerCase(Locale.ROOT);
            if (!secure.equals("true") && !secure.equals("false")) throw malformed(url, "secure must be true or false");
            httpScheme = secure.equals("true") ? "https" : "http";
        } else {
            if (params.containsKey("secure")) throw malformed(url, "secure is only for sqlite+libsql:// URLs");
            httpScheme = ServerUrls.httpScheme(scheme);
        }
        if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("@")) throw malformed(url, "it names no host");
        ServerUrls.refuseUserInfo(rest, "DATABASE_URL " + ServerUrls.hideToken(url).strip());
        HttpUrl server = HttpUrl.parse(httpScheme + "://" + rest);
        if (server == null) throw malformed(url, "the host or port is not valid");
        String serverUrl = server.toString();
        if (server.encodedPath().equals("/")) serverUrl = serverUrl.substring(0, serverUrl.length() - 1);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ENGINE", "libsql");
        String replica = params.get("NAME");
        if (replica != null && replica.isBlank()) throw malformed(url, "NAME is empty; give the replica's file path");
        if (replica != null) {
            settings.put("NAME", replica);
            settings.put("SYNC_URL", serverUrl);
        } else {
            settings.put("NAME", serverUrl);
        }
        String token = params.get("authToken");
        if (token != null) {
            if (token.isBlank()) throw malformed(url, "authToken is empty; leave it out or give the token");
            settings.put("AUTH_TOKEN", token);
        }
        settings.put("OPTIONS", options(params));
        return settings;
    }

    private static Map<String, Object> options(Map<String, String> params) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : new String[] {"TIMEOUT", "CONNECT_TIMEOUT"}) {
            if (params.containsKey(key)) options.put(key, params.get(key));
        }
        return options;
    }

    private static Map<String, String> queryParams(String url, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw malformed(url, "the query part '" + ServerUrls.hideToken(pair) + "' is not key=value");
            String key = DatabaseUrl.decode(pair.substring(0, eq), url);
            if (key.equalsIgnoreCase("name")) key = "NAME";
            if (key.equalsIgnoreCase("timeout")) key = "TIMEOUT";
            if (key.equalsIgnoreCase("connect_timeout")) key = "CONNECT_TIMEOUT";
            params.put(key, DatabaseUrl.decode(pair.substring(eq + 1), url));
        }
        return params;
    }

    private static ImproperlyConfigured malformed(String url, String problem) {
        return new ImproperlyConfigured("DATABASE_URL " + ServerUrls.hideToken(url).strip()
                + " is not a valid libSQL URL: " + problem + ". " + FORMS);
    }
}
