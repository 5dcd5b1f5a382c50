package io.djorm.libsql.internal;

import io.djorm.core.ImproperlyConfigured;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads the ways a libSQL server can be named ({@code libsql://host}, {@code https://...},
 * {@code libsql+ws://...}, a bare {@code host:8080}) and turns them into the HTTP URL the Hrana
 * transport uses. {@code libsql://} and bare hosts mean https (bare loopback hosts: http, since local
 * development servers rarely have TLS); the WebSocket schemes are served by the HTTP transport of the
 * same host.
 */
public final class ServerUrls {
    private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)(authToken=)[^&#]*");
    private static final Pattern HOST_WITH_PORT =
            Pattern.compile("^[A-Za-z0-9.-]+:\\d+([/?].*)?$|^\\[[0-9A-Fa-f:.]+]:\\d+([/?].*)?$");
    private static final Pattern USER_INFO = Pattern.compile("^[^/?#]*@");
    private static final Pattern DOTTED_HOST = Pattern.compile("^([A-Za-z0-9-]+\\.)+[A-Za-z][A-Za-z0-9-]*(/.*)?$");
    private static final Set<String> FILE_EXTENSIONS = Set.of("db", "sqlite", "sqlite3", "db3", "s3db", "sl3", "libsql");

    /**
     * A server address: the HTTP URL and a token that was given in the URL's {@code authToken} query
     * parameter (null when none was).
     *
     * @param url the HTTP(S) database URL, without query
     * @param tokenFromUrl the token from the URL, or null
     * @param webSocketScheme the WebSocket scheme the address was given with ({@code wss}, {@code libsql+ws},
     *                        ...), whose server is reached over HTTP instead; null for other schemes
     */
    public record ServerAddress(HttpUrl url, String tokenFromUrl, String webSocketScheme) {
        @Override
        public String toString() {
            return url.toString();
        }
    }

    private ServerUrls() {
    }

    /** Whether a NAME names a server (a URL with a scheme, or a bare host) rather than a local file. */
    public static boolean namesServer(String name) {
        if (name.contains("://")) return true;
        if (HOST_WITH_PORT.matcher(name).matches()) return true;
        if (!DOTTED_HOST.matcher(name).matches()) return false;
        String host = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        String lastLabel = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !FILE_EXTENSIONS.contains(lastLabel);
    }

    /**
     * Parses a server address given in a setting.
     *
     * @param text the address as configured
     * @param setting the setting's description for errors, such as {@code DATABASES["default"].NAME}
     */
    public static ServerAddress parse(String text, String setting) {
        String trimmed = text.strip();
        String scheme;
        String rest;
        String webSocketScheme = null;
        int sep = trimmed.indexOf("://");
        if (sep < 0) {
            String host = trimmed.replaceFirst("[:/].*$", "");
            boolean loopback = host.equals("localhost") || host.startsWith("127.") || trimmed.startsWith("[::1]");
            scheme = loopback ? "http" : "https";
            rest = trimmed;
        } else {
            String given = trimmed.substring(0, sep).toLowerCase(Locale.ROOT);
            scheme = httpScheme(given);
            if (given.endsWith("ws") || given.endsWith("wss")) webSocketScheme = given;
            if (scheme == null) {
                throw new ImproperlyConfigured(setting + " is " + hideToken(text) + ", whose scheme a libSQL server is"
                        + " not reached by. Use libsql://, https://, http://, libsql+ws:// or libsql+wss://.");
            }
            rest = trimmed.substring(sep + 3);
        }
        refuseUserInfo(rest, setting + " (" + hideToken(text) + ")");
        HttpUrl url = HttpUrl.parse(scheme + "://" + rest);
        if (url == null || rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
            throw new ImproperlyConfigured(setting + " is " + hideToken(text) + ", which is not a valid server address:"
                    + " it needs a host (and optionally :port), such as libsql://my-db.example.com or http://127.0.0.1:8080.");
        }
        String token = url.queryParameter("authToken");
        return new ServerAddress(url.newBuilder().query(null).fragment(null).build(), token, webSocketScheme);
    }

    /**
     * Refuses credentials in a server address's user info ({@code user:token@host}): libSQL servers
     * read a bearer token, never user info, and dropping it silently would fail later as a 401.
     *
     * @param afterScheme the address without its {@code scheme://}
     * @param setting the setting's description for the message (already free of secrets)
     */
    public static void refuseUserInfo(String afterScheme, String setting) {
        if (USER_INFO.matcher(afterScheme).find()) {
            throw new ImproperlyConfigured(setting + " carries credentials before '@' (user:token@host), which libSQL"
                    + " servers do not read. Give the token as AUTH_TOKEN, or as ?authToken=<token> after the host.");
        }
    }

    /** The http or https scheme that serves a libSQL URL scheme, or null when the scheme is not one. */
    static String httpScheme(String scheme) {
        return switch (scheme) {
            case "libsql", "https", "libsql+https", "wss", "libsql+wss" -> "https";
            case "http", "libsql+http", "ws", "libsql+ws" -> "http";
            default -> null;
        };
    }

    /** The text with any {@code authToken} query value and any user info replaced, fit for messages. */
    public static String hideToken(String text) {
        String noUserInfo = text.strip().replaceFirst("^([A-Za-z0-9+.-]*://)?[^/?#@\\s]*@", "$1<hidden>@");
        return TOKEN_PARAM.matcher(noUserInfo).replaceAll("$1<hidden>");
    }
}
