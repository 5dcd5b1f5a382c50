package io.djorm.benchmarks.sqlite;

import io.djorm.benchmarks.model.Book;
import io.djorm.benchmarks.model.Entry;
import io.djorm.benchmarks.model.Shelf;
import io.djorm.core.DeleteResult;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import io.djorm.core.expressions.F;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * djorm against hand-written sqlite-jdbc ({@link HandWritten}) on the same 10,000-book file, operation by
 * operation, in one run. Each operation has a {@code _djorm} and a {@code _jdbc} method that do the same
 * work and return the same rows. Each iteration's average time per operation is one figure; the JSON
 * result holds the minimum and median over the iterations ({@code -prof
 * io.djorm.benchmarks.report.CpuTimeProfiler} adds the same for CPU time).
 * {@link io.djorm.benchmarks.report.SqliteTables} turns that JSON into the table of docs/benchmarks.md.
 *
 * <p>The page's figures come from {@link io.djorm.benchmarks.report.SqliteForks}, which runs each method
 * as one-fork runs, the two sides of an operation side by side, round after round; the iterations below
 * are per fork, sized so that about eight forks a side of every operation fit in 20-25 minutes (a fork's
 * JVM start, pre-touched heap, fixture and agreement check take about as long as its iterations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SqliteBenchmark {
    /** Books whose tags the prefetch benchmark loads, and whose rows the update benchmarks touch. */
    static final int SOME_BOOKS = 1000;
    /** Rows each create benchmark inserts per operation. */
    static final int CREATED = 100;
    /** Rows each bulk benchmark inserts or updates per operation. */
    static final int BULK = 1000;
    /** The shelf the create benchmarks fill; emptied before every iteration. */
    static final long INBOX = 1;

    private Fixture fixture;
    private HandWritten jdbc;
    private List<Book> someBooks;
    private List<Plain.Book> somePlainBooks;
    private int next;

    /** Loads the workload once per fork. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = Fixture.create();
        Connection c = fixture.open();
        try (var st = c.createStatement()) {
            st.execute("INSERT INTO bench_shelf (id, name) VALUES (" + INBOX + ", 'inbox')");
        }
        jdbc = new HandWritten(c, SOME_BOOKS);
        someBooks = Book.objects().filter("pk__lte", SOME_BOOKS).orderBy("pk").list();
        somePlainBooks = jdbc.withTags();
        Agreement.check(this);
    }

    /** Empties the shelf the create benchmarks fill, so that every iteration starts alike. */
    @Setup(Level.Iteration)
    public void emptyInbox() {
        Entry.objects().filter("shelf", INBOX).delete();
    }

    /** Closes both sides and removes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        jdbc.close();
        fixture.close();
    }

    /** The next book id of a sequence that visits every book, the same on both sides. */
    private long nextId() {
        next = (next + 7919) % Fixture.BOOKS;
        return next + 1;
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** Every book as a model instance. */
    @Benchmark
    public List<Book> hydrate_djorm() {
        return Book.objects().all().list();
    }

    /** Every book as a plain object. */
    @Benchmark
    public List<Plain.Book> hydrate_jdbc() throws SQLException {
        return jdbc.hydrate();
    }

    /** One book by primary key. */
    @Benchmark
    public Book getByPk_djorm() {
        return Book.objects().get("pk", nextId());
    }

    /** One book by primary key. */
    @Benchmark
    public Plain.Book getByPk_jdbc() throws SQLException {
        return jdbc.get(nextId());
    }

    /** A count with two conditions. */
    @Benchmark
    public long filterCount_djorm() {
        return Book.objects().filter("pages__gt", 500).filter("title__startswith", "book-1").count();
    }

    /** A count with two conditions. */
    @Benchmark
    public long filterCount_jdbc() throws SQLException {
        return jdbc.count(500, "book-1");
    }

    /** Every book with its author, one join. */
    @Benchmark
    public List<Book> selectRelated_djorm() {
        return Book.objects().selectRelated("author").list();
    }

    /** Every book with its author, one join. */
    @Benchmark
    public List<Plain.Book> selectRelated_jdbc() throws SQLException {
        return jdbc.withAuthor();
    }

    /** Every book with its author and the author's country, two joins. */
    @Benchmark
    public List<Book> selectRelatedTwoHops_djorm() {
        return Book.objects().selectRelated("author__country").list();
    }

    /** Every book with its author and the author's country, two joins. */
    @Benchmark
    public List<Plain.Book> selectRelatedTwoHops_jdbc() throws SQLException {
        return jdbc.withAuthorAndCountry();
    }

    /**
     * 1,000 books and their 3,000 tags, two queries. Warmed up like the delete, 2 x 8 s: with the class's
     * 3 x 0.5 s, four of eight djorm forks (2026-12-04, 21:31 UTC, quiet) still ran at about 4,500 µs in
     * all their measured iterations while the other four had dropped to 2,700 µs after about 2 s (the
     * JDBC forks: 2,400-2,650 µs from the first iteration); in one JVM, warmed up until the compiler is
     * idle, djorm runs at 2,675 µs (SqlitePairs).
     */
    @Benchmark
    @Warmup(iterations = 2, time = 8, timeUnit = TimeUnit.SECONDS)
    public List<Book> prefetchRelated_djorm() {
        return Book.objects().filter("pk__lte", SOME_BOOKS).prefetchRelated("tags").list();
    }

    /** 1,000 books and their 3,000 tags, two queries (warm-up: see {@link #prefetchRelated_djorm}). */
    @Benchmark
    @Warmup(iterations = 2, time = 8, timeUnit = TimeUnit.SECONDS)
    public List<Plain.Book> prefetchRelated_jdbc() throws SQLException {
        return jdbc.withTags();
    }

    /** Three columns of every book as maps. */
    @Benchmark
    public List<Map<String, Object>> values_djorm() {
        return Book.objects().values("id", "title", "pages").list();
    }

    /** Three columns of every book as maps. */
    @Benchmark
    public List<Map<String, Object>> values_jdbc() throws SQLException {
        return jdbc.values();
    }

    /** Three columns of every book as lists. */
    @Benchmark
    public List<List<Object>> valuesList_djorm() {
        return Book.objects().valuesList("id", "title", "pages").list();
    }

    /** Three columns of every book as lists. */
    @Benchmark
    public List<List<Object>> valuesList_jdbc() throws SQLException {
        return jdbc.valuesList();
    }

    // ---- writes ---------------------------------------------------------------------------------

    /** {@code views = views + 1} on 1,000 books, one UPDATE. */
    @Benchmark
    public long updateF_djorm() {
        return Book.objects().filter("pk__lte", SOME_BOOKS).update("views", F.F("views").plus(1));
    }

    /** {@code views = views + 1} on 1,000 books, one UPDATE. */
    @Benchmark
    public long updateF_jdbc() throws SQLException {
        return jdbc.addViews(1, SOME_BOOKS);
    }

    /** 100 single inserts in one transaction, each reading its new key. */
    @Benchmark
    public List<Entry> createInTransaction_djorm() {
        List<Entry> out = new ArrayList<>(CREATED);
        Shelf inbox = new Shelf();
        inbox.setPk(INBOX);
        Transaction.atomic(() -> {
            for (int i = 0; i < CREATED; i++) {
                Entry e = entry(i, inbox);
                e.save();
                out.add(e);
            }
        });
        return out;
    }

    /** 100 single inserts in one transaction, each reading its new key. */
    @Benchmark
    public List<Plain.Entry> createInTransaction_jdbc() throws SQLException {
        return jdbc.createEach(CREATED, INBOX);
    }

    /** 1,000 new rows in one call. */
    @Benchmark
    public List<Entry> bulkCreate_djorm() {
        List<Entry> out = new ArrayList<>(BULK);
        Shelf inbox = new Shelf();
        inbox.setPk(INBOX);
        for (int i = 0; i < BULK; i++) out.add(entry(i, inbox));
        return Entry.objects().bulkCreate(out);
    }

    /** 1,000 new rows as one JDBC batch in a transaction. */
    @Benchmark
    public int bulkCreate_jdbc() throws SQLException {
        return jdbc.createBatch(BULK, INBOX);
    }

    private static Entry entry(int i, Shelf shelf) {
        Entry e = new Entry();
        e.label = "entry-" + i;
        e.rank = i;
        e.shelf.set(shelf);
        return e;
    }

    /** A new {@code views} value on 1,000 loaded books, written in one call. */
    @Benchmark
    public long bulkUpdate_djorm() {
        for (Book b : someBooks) b.views = b.views + 1;
        return Book.objects().bulkUpdate(someBooks, "views");
    }

    /** A new {@code views} value on 1,000 books, written as one JDBC batch in a transaction. */
    @Benchmark
    public int bulkUpdate_jdbc() throws SQLException {
        for (Plain.Book b : somePlainBooks) b.views = b.views + 1;
        return jdbc.setViews(somePlainBooks);
    }

    /**
     * A shelf with 100 entries, made anew (untimed) before every operation of the delete benchmarks,
     * through the connection of the side that then deletes it, with the same statements on both sides: one
     * INSERT for the shelf, one transaction for the entries. Made through the other side's connection, the
     * deleting side would find the file changed by another connection and start its delete with an empty
     * page cache, a cost the side that wrote the rows does not pay.
     *
     * <p>Every {@link #CHECKPOINT_EVERY} shelves, before filling, the side checkpoints the WAL through its
     * own connection. Each shelf adds 8 pages to the WAL (5 for the fill, 3 for the delete), so it never
     * reaches SQLite's automatic checkpoint at 1,000 pages. Left to the automatic checkpoint, about one
     * timed delete in 125 would copy the WAL into the database and sync both files: milliseconds on either
     * side, landing in a handful of the 250 to 1,000 deletes of an iteration, which made the iteration
     * means swing by tens of microseconds. Checkpointing before the fill also lets the fill, not the timed
     * delete, restart the WAL from its beginning.
     */
    @State(Scope.Thread)
    public static class FullShelf {
        private static final int ENTRIES = 100;
        /** Shelves between two checkpoints: 64 x 8 pages stays well below the automatic checkpoint's 1,000. */
        static final int CHECKPOINT_EVERY = 64;
        private static final String CHECKPOINT = "PRAGMA wal_checkpoint(PASSIVE)";
        private long nextShelf = 1_000_000;
        long id;
        Shelf shelf;

        /** Whether this fill starts with a checkpoint. */
        private boolean checkpointDue() {
            return nextShelf % CHECKPOINT_EVERY == 0;
        }

        /** Inserts the shelf and its entries through djorm (not timed). */
        void fillThroughDjorm() {
            if (checkpointDue()) Djorm.connection().query(CHECKPOINT);
            id = nextShelf++;
            // create() inserts without first trying an UPDATE, as save() does for an instance whose key is set.
            shelf = Shelf.objects().create("id", id, "name", "shelf");
            List<Entry> entries = new ArrayList<>(ENTRIES);
            for (int i = 0; i < ENTRIES; i++) {
                Entry e = new Entry();
                e.label = "entry-" + i;
                e.rank = i;
                e.shelf.set(shelf);
                entries.add(e);
            }
            Entry.objects().bulkCreate(entries);
        }

        /** Inserts the shelf and its entries through the hand-written side's connection (not timed). */
        void fillThroughJdbc(Connection c) throws SQLException {
            try (var st = c.createStatement()) {
                if (checkpointDue()) st.execute(CHECKPOINT);
                id = nextShelf++;
                st.execute("INSERT INTO bench_shelf (id, name) VALUES (" + id + ", 'shelf')");
                // One transaction for the entries, as djorm's bulkCreate writes them with one statement: in
                // autocommit every row would be a commit of its own.
                st.execute("BEGIN IMMEDIATE");
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO bench_entry (label, rank, shelf_id) VALUES (?, ?, ?)")) {
                    for (int i = 0; i < ENTRIES; i++) {
                        ps.setString(1, "entry-" + i);
                        ps.setLong(2, i);
                        ps.setLong(3, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                st.execute("COMMIT");
            }
        }
    }

    /** The shelf {@link #deleteCascade_djorm} deletes, made through djorm. */
    @State(Scope.Thread)
    public static class DjormShelf extends FullShelf {
        /** Makes the shelf and its entries (not timed). */
        @Setup(Level.Invocation)
        public void fill() {
            fillThroughDjorm();
        }
    }

    /** The shelf {@link #deleteCascade_jdbc} deletes, made through the hand-written side's connection. */
    @State(Scope.Thread)
    public static class JdbcShelf extends FullShelf {
        /** Makes the shelf and its entries (not timed). */
        @Setup(Level.Invocation)
        public void fill(SqliteBenchmark bench) throws SQLException {
            fillThroughJdbc(bench.jdbc.connection());
        }
    }

    /**
     * Deletes a loaded shelf; its 100 entries go with it (on delete cascade).
     *
     * <p>Both delete benchmarks warm up for longer than the rest: with the fill before every operation an
     * iteration of 0.5 s runs only 250 to 1,000 deletes, and djorm's delete path (called once per delete)
     * reaches the JIT's optimizing compiler only after about 10,000 calls. Three warm-up iterations of
     * 0.5 s measured djorm's delete half compiled, against a JDBC side that is mostly native code; on a
     * loaded machine 3 x 3 s still ended before the last tier-4 compilations (median 80 µs), 24 s did not
     * (median 57 µs, as in a long loop). Set in time per iteration, so that {@code -wi 3} keeps it. 2 x 8 s
     * per fork, so that eight forks a side fit {@code SqliteForks}' 20-25 minutes: with {@code
     * -XX:+PrintCompilation} at load average 9, the last tier-4 compilations of djorm's delete path
     * ({@code Collector.delete}, {@code collectOne}, {@code follow}) came 20-25 s after the fork started, so
     * the warm-up is enough only on a quiet machine, where the compiler threads get a core at once.
     */
    @Benchmark
    @Warmup(iterations = 2, time = 8, timeUnit = TimeUnit.SECONDS)
    @Measurement(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
    public DeleteResult deleteCascade_djorm(DjormShelf s) {
        return s.shelf.delete();
    }

    /** Deletes a shelf and its 100 entries in one transaction (warm-up: see {@link #deleteCascade_djorm}). */
    @Benchmark
    @Warmup(iterations = 2, time = 8, timeUnit = TimeUnit.SECONDS)
    @Measurement(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
    public long deleteCascade_jdbc(JdbcShelf s) throws SQLException {
        return jdbc.deleteShelf(s.id);
    }
}
