package io.djorm.libsql.internal.replica;

import io.djorm.core.DatabaseError;
import io.djorm.core.DatabaseSettings;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.Dialect;
import io.djorm.libsql.ReplicaSync;
import io.djorm.core.SyncResult;
import io.djorm.libsql.internal.hrana.HranaClient;
import io.djorm.libsql.internal.hrana.HranaConnection;
import io.djorm.libsql.internal.hrana.HranaEndpoint;
import io.djorm.libsql.internal.hrana.RemoteDatabase;
import io.djorm.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded replica: reads from a local file that mirrors the primary, writes to the primary.
 * Opening it pulls once (required when the file has never been synced; best effort otherwise, so an
 * offline start still reads the last synced state). {@code OPTIONS.SYNC_INTERVAL} (seconds) adds a
 * background pull.
 */
public final class ReplicaDatabase implements Database, ReplicaSync, io.djorm.core.spi.ReplicaDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaDatabase.class);
    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final ReplicaFile file;
    private final SqliteDatabase localFiles;
    private final Supplier<Connection> primaryConnections;
    private final AutoCloseable primaryResources;
    private final int maxConnections;
    private final BackgroundSync backgroundSync;

    /**
     * Opens the replica.
     *
     * @param settings the alias's settings ({@code OPTIONS.SYNC_INTERVAL} is read here)
     * @param file the replica file, already opened against the primary
     * @param dialect the SQL dialect (SQLite's)
     * @param primaryConnections opens connections to the primary
     * @param primaryResources released on {@link #close()} (the primary's HTTP client)
     * @param maxConnections how many connections may be open at once
     */
    public ReplicaDatabase(DatabaseSettings settings, ReplicaFile file, Dialect dialect,
                           Supplier<Connection> primaryConnections, AutoCloseable primaryResources,
                           int maxConnections) {
        this.settings = settings;
        this.dialect = dialect;
        this.file = file;
        this.localFiles = new SqliteDatabase(settings, file.databasePath().toString(), dialect);
        this.primaryConnections = primaryConnections;
        this.primaryResources = primaryResources;
        this.maxConnections = maxConnections;
        try {
            initialPull();
            Duration interval = settings.secondsOption("SYNC_INTERVAL", Duration.ZERO);
            this.backgroundSync = interval.isZero() ? null : BackgroundSync.start(file, interval);
        } catch (RuntimeException e) {
            file.close();
            closePrimaryResources();
            throw e;
        }
    }

    /**
     * Opens the replica of the primary that {@code client} talks to: the file named by {@code NAME},
     * pulled with the same URL, token, timeouts and interceptors as the primary's connections.
     */
    public static ReplicaDatabase open(DatabaseSettings settings, HranaClient client, Dialect dialect) {
        HranaEndpoint endpoint = client.endpoint();
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(endpoint.connectTimeout());
        endpoint.interceptors().forEach(http::addInterceptor);
        SyncSource source = new SyncSource(endpoint.url(), endpoint.authToken(), endpoint.timeout());
        ReplicaFile file;
        try {
            file = ReplicaFile.open(Path.of(settings.name(":memory:")), source, http.build(), FaultInjector.NONE);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new ReplicaDatabase(settings, file, dialect, () -> new HranaConnection(client), client,
                RemoteDatabase.MAX_CONNECTIONS);
    }

    private void initialPull() {
        if (file.revision().isEmpty()) {
            file.pull();
            return;
        }
        try {
            file.pull();
        } catch (DatabaseError e) {
            LOG.warn("Replica {} could not sync on open; reads serve revision {} until the primary answers: {}",
                    file.databasePath(), file.revision(), e.getMessage());
        }
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
        return new ReplicaConnection(this, primaryConnections.get(), new LocalReader(file, localFiles));
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public String describe() {
        return "libsql replica " + file.databasePath() + " of " + file.source().displayUrl() + " (alias '"
                + settings.alias() + "')";
    }

    /** Pulls the primary's changes into the local file now; see {@link ReplicaFile#pull()}. */
    @Override
    public SyncResult syncReplica() {
        return file.pull();
    }

    @Override
    public long backgroundSyncFailures() {
        return backgroundSync == null ? 0 : backgroundSync.failures();
    }

    /** The file's generation: it moves with every applied pull, and only pulls write the file. */
    @Override
    public java.util.OptionalLong localFileVersion() {
        return java.util.OptionalLong.of(file.generation());
    }

    /** The replica file, for tests and tools. */
    public ReplicaFile file() {
        return file;
    }

    @Override
    public void close() {
        if (backgroundSync != null) backgroundSync.close();
        file.close();
        closePrimaryResources();
    }

    private void closePrimaryResources() {
        try {
            primaryResources.close();
        } catch (Exception e) {
            LOG.debug("Closing the primary's client of {} failed", file.source().displayUrl(), e);
        }
    }

    @Override
    public String toString() {
        return "ReplicaDatabase[" + describe() + "]";
    }
}
