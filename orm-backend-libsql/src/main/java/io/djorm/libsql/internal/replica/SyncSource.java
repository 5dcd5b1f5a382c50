package io.djorm.libsql.internal.replica;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The primary a replica pulls from.
 *
 * @param url the primary's base URL (http or https); {@code pull-updates} is resolved against it
 * @param authToken the bearer token, or null; never shown
 * @param timeout the longest one pull request may take
 */
public record SyncSource(HttpUrl url, String authToken, Duration timeout) {

    /** Checks the parts. */
    public SyncSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The URL as the replica's metadata records it and messages show it: no credentials, no trailing slash. */
    public String displayUrl() {
        return identity(url);
    }

    /** The canonical text of a primary URL, used to tell whether a file belongs to this primary. */
    static String identity(HttpUrl url) {
        String text = url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The token is a secret: it never appears in the text form. */
    @Override
    public String toString() {
        return "SyncSource[" + displayUrl() + (authToken == null ? "" : ", AUTH_TOKEN=<hidden>")
                + ", timeout=" + timeout.toMillis() + "ms]";
    }
}
