package io.djorm.core.spi;

import io.djorm.core.DatabaseSettings;

/**
 * A database engine plug-in, found by its {@code ENGINE} name through {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.djorm.core.spi.Backend}). Adding a backend touches no
 * core file.
 */
public interface Backend {
    /** The ENGINE names this backend answers to, such as {@code "sqlite"}. */
    java.util.Set<String> engines();

    /**
     * Parses a {@code DATABASE_URL} this backend understands into a settings map ({@code ENGINE},
     * {@code NAME}, ...), or returns null when the URL's scheme is not this backend's.
     */
    default java.util.Map<String, Object> parseUrl(String url) {
        return null;
    }

    /** Opens the database of one alias; settings are already parsed but not yet checked for this engine. */
    Database open(DatabaseSettings settings);
}
