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
 */
public record HranaEndpoint(HttpUrl url, String authToken, Duration timeout, Duration connectTimeout,
                            List<Interceptor> interceptors, String alias) {

    /** Validates and copies the interceptor list. */
    public HranaEndpoint {
        interceptors = List.copyOf(interceptors);
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
