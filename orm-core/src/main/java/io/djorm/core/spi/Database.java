package io.djorm.core.spi;

import io.djorm.core.DatabaseSettings;

/** One configured database alias: a factory of connections, its dialect and its limits. */
public interface Database extends AutoCloseable {

    /** The settings this database was opened with. */
    DatabaseSettings settings();

    /** The SQL dialect: quoting, lookups, column types, functions. */
    Dialect dialect();

    /** Opens a new connection. Called by the core's pool; never hands out a connection twice. */
    Connection connect();

    /**
     * How many connections may be open at once. A private in-memory database answers 1 so that every
     * thread sees the same data.
     */
    int maxConnections();

    /** A short human description for logs and errors, with no secrets in it. */
    String describe();

    /** Releases everything this database holds (threads, files, HTTP clients). */
    @Override
    void close();
}
