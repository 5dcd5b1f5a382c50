package io.djorm.libsql.internal.hrana;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.Dialect;

/**
 * A libSQL database reached over Hrana HTTP. Connections are cheap (HTTP is stateless between streams),
 * so several may be open at once.
 *
 * <p>On a full server (sqld, Turso) each transaction has its own stream and SQLite connection. A server
 * that shares one SQLite connection between all clients (tursodb) offers no isolation: the transactions
 * of two connections interleave there, and the second one's BEGIN fails while the first is open; a write
 * outside a transaction is refused then instead of joining the open one. That is a property of the
 * server, not of this client.
 */
public final class RemoteDatabase implements Database {
    /** Connections the core's pool may open at once. */
    public static final int MAX_CONNECTIONS = 8;
    private final DatabaseSettings settings;
    private final HranaClient client;
    private final Dialect dialect;

    /** A database whose connections send through {@code client}; takes ownership of the client. */
    public RemoteDatabase(DatabaseSettings settings, HranaClient client, Dialect dialect) {
        this.settings = settings;
        this.client = client;
        this.dialect = dialect;
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Connection connect() {
        return new HranaConnection(client);
    }

    @Override
    public int maxConnections() {
        return MAX_CONNECTIONS;
    }

    @Override
    public String describe() {
        return "libsql remote " + client.endpoint().displayUrl() + " (alias '" + settings.alias() + "')";
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "RemoteDatabase[" + describe() + "]";
    }
}
