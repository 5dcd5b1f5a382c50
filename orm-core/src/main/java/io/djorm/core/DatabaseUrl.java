package io.djorm.core;

import io.djorm.core.internal.InstalledBackends;
import io.djorm.core.spi.Backend;
import java.util.Map;

/**
 * Parses a {@code DATABASE_URL} into the settings map of one alias (Django: {@code dj-database-url}).
 * Each backend parses its own schemes: {@code sqlite:///relative.db}, {@code sqlite:////abs.db},
 * {@code libsql://host?authToken=...}, and the others its documentation lists.
 */
public final class DatabaseUrl {
    private static final Map<String, String> ARTIFACT_BY_SCHEME = Map.of(
            "libsql", "io.djorm:orm-backend-libsql", "sqlite", "io.djorm:orm-backend-sqlite");

    private DatabaseUrl() {
    }

    /**
     * Decodes one percent-encoded part of a URL; a broken escape (a trailing {@code %}, {@code %zz})
     * raises {@link ImproperlyConfigured} naming the URL instead of an IllegalArgumentException.
     */
    public static String decode(String part, String url) {
        try {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ImproperlyConfigured("DATABASE_URL " + hidden(url) + " has a broken %-escape in '" + hidden(part)
                    + "' (" + e.getMessage() + "). Write a literal % as %25.");
        }
    }

    private static String hidden(String text) {
        return text.replaceAll("(?i)(authToken=)[^&#]*", "$1<hidden>").replaceAll("//[^/@?#]*@", "//<hidden>@");
    }

    /** The settings map ({@code ENGINE}, {@code NAME}, {@code OPTIONS}, ...) for the URL. */
    public static Map<String, Object> parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ImproperlyConfigured("DATABASE_URL is empty. Set it to a URL such as sqlite:///db.sqlite3.");
        }
        for (Backend backend : InstalledBackends.all()) {
            Map<String, Object> settings = backend.parseUrl(url.trim());
            if (settings != null) return new io.djorm.core.internal.SecretSettings.MaskedMap(settings);
        }
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')) : url;
        String family = scheme.contains("libsql") ? "libsql" : scheme.startsWith("sqlite") ? "sqlite" : null;
        String hint = family == null ? "Supported schemes: sqlite:, libsql:, libsql+http(s):, sqlite+libsql:."
                : "Add the dependency " + ARTIFACT_BY_SCHEME.get(family) + " to use it.";
        throw new ImproperlyConfigured("No installed backend understands the DATABASE_URL scheme '" + scheme + ":'. "
                + hint);
    }
}
