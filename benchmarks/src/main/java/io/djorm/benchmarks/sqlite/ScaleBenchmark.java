package io.djorm.benchmarks.sqlite;

import io.djorm.benchmarks.model.Book;
import io.djorm.core.CloseableIterator;
import io.djorm.core.Djorm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading 10,000, 100,000 and 1,000,000 books: {@code list()} (every instance held at once) and
 * {@code iterator(2000)} (keyset pages, one page held at a time) in a JVM limited to 64 MB, where a
 * whole list of 1,000,000 books could not fit. Each operation reads every row once; the report divides
 * by the row count. The book tables are built once per size, in the temporary directory, and reused
 * by later forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ScaleBenchmark {
    /** Rows per page of {@code iterator(chunk)}. */
    static final int CHUNK = 2000;

    /** How many books the table holds. */
    @Param({"10000", "100000", "1000000"})
    public int rows;

    /** Opens (building once) the file of {@code rows} books. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "djorm-scale-" + rows + ".db");
        if (!complete(file)) build(file);
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", file.toString()))));
        Djorm.apps().register(Book.class);
    }

    /** Closes djorm. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Djorm.shutdown();
    }

    /** Every book in one list. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    public int list() {
        List<Book> books = Book.objects().all().list();
        if (books.size() != rows) throw new IllegalStateException(books.size() + " books, expected " + rows);
        return books.size();
    }

    /** Every book through {@code iterator(2000)}, in a 64 MB heap. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch"})
    public long iteratorChunked() {
        long n = 0;
        long pages = 0;
        try (CloseableIterator<Book> it = Book.objects().all().iterator(CHUNK)) {
            while (it.hasNext()) {
                pages += it.next().pages;
                n++;
            }
        }
        if (n != rows) throw new IllegalStateException(n + " books, expected " + rows);
        return pages;
    }

    private boolean complete(Path file) throws SQLException {
        if (!Files.exists(file)) return false;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM bench_book")) {
            return rs.next() && rs.getLong(1) == rows;
        } catch (SQLException e) {
            return false;
        }
    }

    private void build(Path file) throws Exception {
        Files.deleteIfExists(file);
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", file.toString()))));
        try {
            Djorm.connection().createTables(io.djorm.benchmarks.model.Country.class,
                    io.djorm.benchmarks.model.Author.class, io.djorm.benchmarks.model.Tag.class, Book.class);
        } finally {
            Djorm.shutdown();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO bench_country (id, name) VALUES (1, 'country')");
                st.execute("INSERT INTO bench_author (id, name, country_id) VALUES (1, 'author', 1)");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_book (id, title, pages, price, views, author_id) VALUES (?, ?, ?, ?, 0, 1)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "book-" + i);
                    ps.setLong(3, i % 1000);
                    ps.setDouble(4, i * 0.25);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
