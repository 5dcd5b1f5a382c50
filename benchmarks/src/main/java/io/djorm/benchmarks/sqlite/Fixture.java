package io.djorm.benchmarks.sqlite;

import io.djorm.benchmarks.model.Author;
import io.djorm.benchmarks.model.Book;
import io.djorm.benchmarks.model.Country;
import io.djorm.benchmarks.model.Entry;
import io.djorm.benchmarks.model.Shelf;
import io.djorm.benchmarks.model.Tag;
import io.djorm.core.Djorm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The 10,000-book SQLite workload both sides read: 10 countries, 200 authors, 50 tags, 10,000 books with
 * three tags each (30,000 join rows), in one WAL file with {@code synchronous=NORMAL}. djorm and the
 * hand-written JDBC side open the same file with the same settings: WAL, {@code synchronous=NORMAL},
 * foreign keys on, a 5 s busy timeout, {@code BEGIN IMMEDIATE} transactions.
 */
public final class Fixture {
    /** Books in the workload. */
    public static final int BOOKS = 10_000;
    /** Authors; book {@code i} belongs to author {@code i % AUTHORS + 1}. */
    public static final int AUTHORS = 200;
    /** Countries; author {@code a} lives in country {@code a % COUNTRIES + 1}. */
    public static final int COUNTRIES = 10;
    /** Tags; every book carries three of them. */
    public static final int TAGS = 50;
    /** Milliseconds to wait on a lock, on both sides. */
    static final int BUSY_TIMEOUT_MS = 5000;

    private final Path dir;
    private final Path file;

    private Fixture(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("bench.db");
    }

    /** Creates the file, configures djorm's {@code default} alias on it and loads the rows. */
    public static Fixture create() throws Exception {
        Fixture f = new Fixture(Files.createTempDirectory("djorm-jmh"));
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", f.file.toString(),
                "OPTIONS", Map.of("journal_mode", "WAL", "synchronous", "NORMAL", "transaction_mode", "IMMEDIATE")))));
        Djorm.connection().createTables(Country.class, Author.class, Tag.class, Book.class, Shelf.class, Entry.class);
        try (Connection c = f.open()) {
            f.load(c);
        }
        return f;
    }

    /** A JDBC connection configured as djorm configures its own (autocommit, {@code BEGIN IMMEDIATE}). */
    public Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // As djorm opens its connections: without it the driver matches every execute() and batch against
        // an INSERT pattern (and would query last_insert_rowid() after an INSERT), work djorm does not do.
        config.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        // The same memory map as djorm's connections: an extension on the classpath may set one (orm-vector
        // maps the file for its scans), and reads and writes through a mapped file cost differently.
        Object mapped = Djorm.connection().query("PRAGMA mmap_size").rows().get(0)[0];
        try (var st = c.createStatement()) {
            st.execute("PRAGMA mmap_size = " + ((Number) mapped).longValue());
        }
        return c;
    }

    private void load(Connection c) throws SQLException {
        c.setAutoCommit(false);
        batch(c, "INSERT INTO bench_country (id, name) VALUES (?, ?)", COUNTRIES, (ps, i) -> {
            ps.setLong(1, i + 1);
            ps.setString(2, "country-" + i);
        });
        batch(c, "INSERT INTO bench_author (id, name, country_id) VALUES (?, ?, ?)", AUTHORS, (ps, i) -> {
            ps.setLong(1, i + 1);
            ps.setString(2, "author-" + i);
            ps.setLong(3, i % COUNTRIES + 1);
        });
        batch(c, "INSERT INTO bench_tag (id, name) VALUES (?, ?)", TAGS, (ps, i) -> {
            ps.setLong(1, i + 1);
            ps.setString(2, "tag-" + i);
        });
        batch(c, "INSERT INTO bench_book (id, title, pages, price, views, author_id) VALUES (?, ?, ?, ?, 0, ?)", BOOKS,
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "book-" + i);
                    ps.setLong(3, i % 1000);
                    ps.setDouble(4, i * 0.25);
                    ps.setLong(5, i % AUTHORS + 1);
                });
        int[] offsets = {0, 17, 33};
        batch(c, "INSERT INTO bench_book_tags (book_id, tag_id) VALUES (?, ?)", BOOKS * offsets.length, (ps, n) -> {
            int book = n / offsets.length;
            ps.setLong(1, book + 1);
            ps.setLong(2, (book + offsets[n % offsets.length]) % TAGS + 1);
        });
        c.commit();
        c.setAutoCommit(true);
    }

    private interface RowBinder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private static void batch(Connection c, String sql, int rows, RowBinder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(ps, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Closes djorm and removes the file. */
    public void close() throws Exception {
        Djorm.shutdown();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }
}
