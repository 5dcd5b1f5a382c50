package io.djorm.sqlite;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.OperationalError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite database: a file (opened in WAL mode, foreign keys on, a busy timeout) or a private
 * {@code :memory:} database (one shared connection, so every thread sees the same data).
 *
 * <p>OPTIONS: {@code timeout} (seconds to wait on a lock, default 5), {@code transaction_mode}
 * (DEFERRED, IMMEDIATE or EXCLUSIVE; default IMMEDIATE), {@code pool_size} (connections to a file,
 * default 8), {@code journal_mode} (default WAL for files), {@code synchronous} (OFF, NORMAL or FULL;
 * default NORMAL with WAL, FULL otherwise; FULL also keeps the last commits across a power loss).
 */
public class SqliteDatabase implements Database {
    /** The OPTIONS keys this engine reads (compared case-insensitively). */
    public static final java.util.Set<String> OPTION_KEYS = java.util.Set.of("timeout", "transaction_mode", "pool_size",
            "journal_mode", "synchronous");
    private static final String MEMORY = ":memory:";
    private final DatabaseSettings settings;
    private final String path;
    private final Dialect dialect;
    private final int busyTimeoutMs;
    private final String transactionMode;
    private final int poolSize;
    private final SQLiteConfig.JournalMode journalMode;
    private final SQLiteConfig.SynchronousMode synchronous;
    private final List<SqliteExtension> extensions;

    /** Opens the database named by {@code NAME} (a file path or {@code :memory:}). */
    public SqliteDatabase(DatabaseSettings settings) {
        this(settings, settings.name(MEMORY), new SqliteDialect());
    }

    /** Opens the database at {@code path} with the given dialect (libSQL's local mode reuses this). */
    public SqliteDatabase(DatabaseSettings settings, String path, Dialect dialect) {
        this.settings = settings;
        this.path = path;
        this.dialect = dialect;
        this.busyTimeoutMs = (int) settings.secondsOption("timeout", java.time.Duration.ofSeconds(5)).toMillis();
        this.transactionMode = option(settings, "transaction_mode", "IMMEDIATE").toUpperCase(Locale.ROOT);
        if (!List.of("DEFERRED", "IMMEDIATE", "EXCLUSIVE").contains(transactionMode)) {
            throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS.transaction_mode is '"
                    + transactionMode + "'; use DEFERRED, IMMEDIATE or EXCLUSIVE.");
        }
        this.poolSize = (int) settings.longOption("pool_size", 8);
        if (poolSize < 1) {
            throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS.pool_size is " + poolSize
                    + "; it must be 1 or more.");
        }
        this.journalMode = choice(settings, "journal_mode", SQLiteConfig.JournalMode.class, SQLiteConfig.JournalMode.WAL);
        // WAL + NORMAL cannot corrupt the file and loses nothing when the program crashes; only a power loss
        // may roll back the last commits. Without WAL, NORMAL is not corruption-safe everywhere: FULL.
        this.synchronous = choice(settings, "synchronous", SQLiteConfig.SynchronousMode.class,
                journalMode == SQLiteConfig.JournalMode.WAL ? SQLiteConfig.SynchronousMode.NORMAL
                        : SQLiteConfig.SynchronousMode.FULL);
        if (!isMemory()) checkDirectory();
        this.extensions = ServiceLoader.load(SqliteExtension.class, SqliteDatabase.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
    }

    private static String option(DatabaseSettings settings, String key, String defaultValue) {
        Object v = settings.option(key);
        return v == null ? defaultValue : v.toString();
    }

    private static <E extends Enum<E>> E choice(DatabaseSettings settings, String key, Class<E> type, E defaultValue) {
        String value = option(settings, key, defaultValue.name()).trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) if (e.name().equals(value)) return e;
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].OPTIONS." + key + " is '"
                + option(settings, key, "") + "'; use one of " + String.join(", ", names) + ".");
    }

    private void checkDirectory() {
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ImproperlyConfigured("DATABASES[\"" + settings.alias() + "\"].NAME is '" + path
                    + "', but the directory " + parent + " does not exist. Create it or change NAME.");
        }
    }

    /** Whether this is a private in-memory database. */
    public boolean isMemory() {
        return MEMORY.equals(path) || path.isEmpty();
    }

    /** The database file path, or {@code :memory:}. */
    public String path() {
        return path;
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
        return new SqliteConnection(openJdbc(), transactionMode);
    }

    /** Opens a configured raw JDBC connection (functions registered, pragmas set). */
    public java.sql.Connection openJdbc() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMs);
        // djorm reads new keys with RETURNING; the driver's generated-keys support would run an extra
        // SELECT last_insert_rowid() after every INSERT.
        config.setGetGeneratedKeys(false);
        if (!isMemory()) {
            config.setJournalMode(journalMode);
            config.setSynchronous(synchronous);
        }
        try {
            // Straight from the driver, not through DriverManager: DriverManager only offers drivers the
            // caller's class loader registered, and a tool that loads djorm's backends afresh per run (the
            // Maven plugin's project class loader) would find none registered by its own copy of the driver.
            java.sql.Connection c = config.createConnection("jdbc:sqlite:" + (isMemory() ? MEMORY : path));
            Function.create(c, "REGEXP", new RegexpFunction());
            for (SqliteExtension ext : extensions) ext.initialize(c);
            return c;
        } catch (SQLException e) {
            throw new OperationalError("Could not open the SQLite database '" + path + "' (alias '"
                    + settings.alias() + "'): " + e.getMessage() + ". Check NAME and the file's permissions.", e);
        }
    }

    @Override
    public int maxConnections() {
        return isMemory() ? 1 : poolSize;
    }

    @Override
    public String describe() {
        return "sqlite " + path;
    }

    @Override
    public void close() {
        // connections are owned and closed by the pool
    }
}
