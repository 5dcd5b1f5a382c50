package io.djorm.libsql.internal.hrana;

import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * Where and how to reach one libSQL server.
 *
 * @param url the database URL (http or https); Hrana paths are resolved against it
 * @param authToken the bearer token, or null
 * @param timeout the longest a request may take, {@code OPTIONS.TIMEOUT}
 * @param connectTimeout the longest a connection attempt may take, {@code OPTIONS.CONNECT_TIMEOUT}
 * @param interceptors OkHttp interceptors from {@code OPTIONS.INTERCEPTORS}, outermost first
 * @param alias the settings alias, for messages that name the setting to fix
 * @param maxRequestBytes the largest request body sent when it can be split, {@code OPTIONS.MAX_REQUEST_SIZE}
 * @param maxResponseBytes the largest response body read, {@code OPTIONS.MAX_RESPONSE_SIZE}
 * @param webSocketScheme the WebSocket scheme NAME was given with ({@code wss}, {@code libsql+ws}, ...),
 *                        served over HTTP instead; null when NAME named HTTP
 */
public record HranaEndpoint(HttpUrl url, String authToken, Duration timeout, Duration connectTimeout,
                            List<Interceptor> interceptors, String alias, long maxRequestBytes,
                            long maxResponseBytes, String webSocketScheme) {
    /** The default of {@code OPTIONS.MAX_REQUEST_SIZE}: 1 MiB, what common proxies accept. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;
    /** The default of {@code OPTIONS.MAX_RESPONSE_SIZE}: 32 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L << 20;

    /** Validates and copies the interceptor list. */
    public HranaEndpoint {
        interceptors = List.copyOf(interceptors);
        if (maxRequestBytes <= 0 || maxResponseBytes <= 0) throw new IllegalArgumentException("limits must be positive");
    }

    /** An HTTP endpoint with the default size limits. */
    public HranaEndpoint(HttpUrl url, String authToken, Duration timeout, Duration connectTimeout,
                         List<Interceptor> interceptors, String alias) {
        this(url, authToken, timeout, connectTimeout, interceptors, alias, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_RESPONSE_BYTES, null);
    }

    /** The URL for messages: scheme, host, port and path, never a query or credentials. */
    public String displayUrl() {
        return url.newBuilder().query(null).username("").password("").build().toString();
    }

    /** The token is a secret: it never appears in the text form. */
    @Override
    public String toString() {
        return "HranaEndpoint[" + displayUrl() + (authToken == null ? "" : ", AUTH_TOKEN=<hidden>")
                + ", timeout=" + timeout.toMillis() + "ms]";
    }
}
