package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.core.Transaction;
import io.djorm.benchmarks.report.RatioSummary;
import io.djorm.libsql.RoundTripCounter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every ORM operation of the benchmarks page, run against a remote server: HTTP round trips per
 * operation, and djorm's time against the very requests it sent replayed as bare HTTP (the remote
 * server's "hand-written JDBC": the same work for the server and the network, no ORM around it).
 * djorm and the replay alternate operation by operation in blocks of about 50 ms a side
 * ({@link InterleavedPairs}), and each operation's ratio is the median of the blocks' ratios with its 95%
 * confidence interval ({@link RatioSummary}), so the machine's slow spells (seconds long) and the
 * server's changing answer time fall on both sides alike.
 *
 * <p>Beside each comparison, block by block, run the A/A controls: djorm against djorm and the replay
 * against the replay through the very same estimator, whose ratios show how wide the estimator's own
 * noise is in that stretch of the run. {@code -Dcontrol=both|djorm|raw|none} (default {@code both})
 * picks which; each control costs as much time as the comparison itself. {@code -Donly=get,bulkCreate}
 * measures only the operations whose names start so; {@code -DprintRatios=true} prints every block's ratio.
 */
final class RemoteOperations {
    /** The least time each side of an operation is warmed up before it is timed. */
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    /**
     * The least runs of each side's warm-up ({@code -DwarmUpRuns=N}): code that runs once per operation
     * is compiled by C2 only after about 5,000 calls (HotSpot's Tier4InvocationThreshold, raised further
     * while C2's queue is long), so fewer runs time it in C1's profiling code, compiled during the timed
     * blocks instead.
     */
    private static final int WARM_UP_RUNS = Integer.getInteger("warmUpRuns", 20_000);
    /** A side's warm-up stops here even short of its runs (an 8 ms read gets about 3,700 runs). */
    private static final long WARM_UP_MAX_NANOS = 30_000_000_000L;
    /**
     * The target length of one side's operations in a timed block: long enough that the ratio of a block
     * of the small operations (about 70 gets) is not decided by a few slow answers of the server, short
     * enough to leave time for 32 blocks of each comparison and its two controls in a few minutes.
     */
    private static final double BLOCK_MILLIS = 50;
    private static final String CONTROL = System.getProperty("control", "both");
    /** {@code -DprintRatios=true}: every block's wall ratio too, to judge how many blocks a run needs. */
    private static final boolean PRINT_RATIOS = Boolean.getBoolean("printRatios");
    /** {@code -Donly=get,bulkCreate}: only the operations whose names start so (all when empty). */
    private static final List<String> ONLY = System.getProperty("only", "").isEmpty() ? List.of()
            : List.of(System.getProperty("only").split(","));
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private final RoundTripCounter trips;
    private final RequestRecorder recorder;
    private final long replayPauseMillis;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param replayPauseMillis the pause before each replayed request (see {@link RequestRecorder#replay})
     */
    RemoteOperations(RoundTripCounter trips, RequestRecorder recorder, long replayPauseMillis) {
        this.trips = trips;
        this.recorder = recorder;
        this.replayPauseMillis = replayPauseMillis;
    }

    /** Seeds the library and measures each operation in {@code runs} blocks; {@link #print} shows the table. */
    void runAll(int runs) {
        Library.seed();
        List<Object> keys = new ArrayList<>();
        for (Object pk : Book.objects().orderBy("pk").valuesListFlat("pk").slice(0, 200).list()) keys.add(pk);
        Runnable none = () -> { };
        measure("hydrate all " + String.format(Locale.ROOT, "%,d", Library.BOOKS) + " books", 1, runs, none,
                () -> Book.objects().all().list());
        int[] nextKey = {0};
        measure("get by primary key (200 keys in turn)", keys.size(), runs, none,
                () -> Book.objects().get("pk", keys.get(nextKey[0]++ % keys.size())));
        measure("filter + count", 1, runs, none, () -> Book.objects().filter("pages__gt", 300).count());
        measure("selectRelated, foreign key", 1, runs, none,
                () -> Book.objects().selectRelated("author").list());
        measure("selectRelated, two hops", 1, runs, none,
                () -> Book.objects().selectRelated("publisher__country").list());
        measure("prefetchRelated M2M (500 books)", 1, runs, none,
                () -> Book.objects().orderBy("pk").slice(0, 500).prefetchRelated("tags").list());
        measure("values() of 3 columns, all books", 1, runs, none,
                () -> Book.objects().values("pk", "title", "pages").list());
        measure("valuesList() of 2 columns, all books", 1, runs, none,
                () -> Book.objects().valuesList("title", "pages").list());
        measure("update() with F (about 500 rows)", 1, runs, none,
                () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
        Author author = Author.objects().orderBy("pk").first().orElseThrow();
        var publisher = io.djorm.benchmarks.remote.Publisher.objects().orderBy("pk").first().orElseThrow();
        measure("create x50 in a transaction", 1, runs, none, () -> Transaction.atomic(() -> {
            for (int i = 0; i < 50; i++) Library.book("tx-" + i, i, author, publisher).save();
        }));
        measure("bulkCreate 1,000 books", 1, runs, none, () -> {
            List<Book> books = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) books.add(Library.book("bulk-" + i, i, author, publisher));
            Book.objects().bulkCreate(books);
        });
        List<Book> toUpdate = Book.objects().orderBy("pk").slice(0, 500).list();
        // Two recorded runs replayed in turn: SQLite leaves a page clean when an UPDATE writes the bytes it
        // already holds, so a replay that sent one recording again and again (the second of two replays in
        // a row, every run of the replay's A/A control) wrote nothing, while djorm's prices moved every run.
        // The two recordings differ from each other and from every later djorm run: every run writes.
        // The new prices are the application's work, set in the untimed setup (before every run of either
        // side), as the replay, sending stored bytes, does none of it: timed, the loop's 500 boxed doubles
        // were djorm's side alone (ClientSideCost: 6.5 us of client CPU on a quiet machine, 30-40 us under load).
        measure("bulkUpdate 500 books (one field)", 2, runs, () -> {
            for (Book b : toUpdate) b.price = b.price + 0.25;
        }, () -> Book.objects().bulkUpdate(toUpdate, "price"));
        measure("delete with cascade (" + Library.doomedRows() + " rows)", 1, runs, Library::restoreDoomedAuthor,
                () -> Author.objects().filter("pk", Library.DOOMED_AUTHOR).delete());
    }

    /**
     * Warms the operation up, records the requests of {@code cycle} runs, warms the replay up, then times
     * djorm against the replay (and the A/A controls) operation by operation in {@code blocks} blocks
     * ({@link InterleavedPairs}); {@code setup} runs untimed before each run of either side. An operation
     * that works through {@code cycle} inputs in turn (the get's keys) is replayed in turn too: both
     * sides walk the same keys in the same order (not in lockstep: djorm's A/A control moves its turn too).
     */
    private void measure(String name, int cycle, int blocks, Runnable setup, Runnable op) {
        if (!ONLY.isEmpty() && ONLY.stream().noneMatch(name::startsWith)) return;
        double opMillis = warmUp(setup, op);
        // One whole cycle from wherever the warm-up left djorm brings it back there; the replay starts at
        // the cycle's first recorded run, the same input.
        List<RequestRecorder.Sent> sent = new ArrayList<>();
        long tripsCounted = 0;
        for (int i = 0; i < cycle; i++) {
            setup.run();
            recorder.start();
            long before = trips.count();
            op.run();
            tripsCounted += trips.count() - before;
            sent.addAll(recorder.stop());
        }
        double tripsPerOp = tripsCounted / (double) cycle;
        if (sent.size() % cycle != 0) throw new IllegalStateException(name + ": runs of the cycle sent different numbers of requests");
        int perRun = sent.size() / cycle;
        int[] nextRun = {0};
        Runnable replay = () -> {
            int run = nextRun[0]++ % cycle;
            recorder.replay(sent.subList(run * perRun, (run + 1) * perRun), replayPauseMillis);
        };
        warmUp(setup, replay); // its JSON tree parse, which djorm never runs
        nextRun[0] = 0;
        int steps = (int) Math.max(2, Math.round(BLOCK_MILLIS / opMillis));
        List<InterleavedPairs.Sides> comparisons = new ArrayList<>();
        comparisons.add(new InterleavedPairs.Sides(op, replay));
        boolean djormControl = CONTROL.equals("both") || CONTROL.equals("djorm");
        boolean rawControl = CONTROL.equals("both") || CONTROL.equals("raw");
        if (djormControl) comparisons.add(new InterleavedPairs.Sides(op, op));
        if (rawControl) comparisons.add(new InterleavedPairs.Sides(replay, replay));
        long jitBefore = JIT.getTotalCompilationTime();
        long timedStart = System.nanoTime();
        List<InterleavedPairs.Blocks> r = InterleavedPairs.run(blocks, steps, setup, comparisons);
        // A warm-up that ended too soon shows here: C2 compiling during the timed blocks, on a core the
        // sides and the server share.
        System.out.printf(Locale.ROOT, "%s: JIT compiling %d ms during the %.1f s of timed blocks%n", name,
                JIT.getTotalCompilationTime() - jitBefore, (System.nanoTime() - timedStart) / 1e9);
        InterleavedPairs.Blocks ab = r.get(0);
        if (PRINT_RATIOS) {
            System.out.println("ratios " + name + ": " + java.util.Arrays.toString(ab.wallRatios()));
        }
        int i = 1;
        String djormVsDjorm = djormControl ? RatioSummary.of(r.get(i++).wallRatios()).format() : "-";
        String rawVsRaw = rawControl ? RatioSummary.of(r.get(i).wallRatios()).format() : "-";
        rows.add(new String[] {name, String.format(Locale.ROOT, "%.1f", tripsPerOp), Integer.toString(ab.steps()),
                Spread.of(ab.millisPerOp(ab.aWall())).format(2), Spread.of(ab.millisPerOp(ab.bWall())).format(2),
                RatioSummary.of(ab.wallRatios()).format(), djormVsDjorm, rawVsRaw,
                String.format(Locale.ROOT, "%.3f / %.3f", median(ab.millisPerOp(ab.aCpu())),
                        median(ab.millisPerOp(ab.bCpu()))),
                RatioSummary.of(ab.cpuRatios()).format()});
    }

    /**
     * Runs {@code op} (after its untimed {@code setup}) until the JIT has compiled its code: for at least
     * the warm-up time and {@link #WARM_UP_RUNS} runs, at most {@link #WARM_UP_MAX_NANOS}. A fixed handful
     * of runs left the small operations (a count, an update, about a millisecond each) timed in the
     * interpreter, and 4 s or 5,000 runs left a write's once-per-operation code in C1 (djorm's longer
     * path paid most for it, and C2 compiled it during the timed blocks); both sides get the same rule.
     * Returns the median milliseconds of the last runs, to size the timed blocks.
     */
    private static double warmUp(Runnable setup, Runnable op) {
        long start = System.nanoTime();
        double[] last = new double[5];
        int i = 0;
        for (; i < 5 || warmingUp(i, System.nanoTime() - start); i++) {
            setup.run();
            last[i % last.length] = millis(op);
        }
        return median(last);
    }

    private static boolean warmingUp(int runs, long elapsedNanos) {
        return elapsedNanos < WARM_UP_MAX_NANOS && (elapsedNanos < WARM_UP_NANOS || runs < WARM_UP_RUNS);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return RatioSummary.quantile(sorted, 0.5);
    }

    private static double millis(Runnable task) {
        long t = System.nanoTime();
        task.run();
        return (System.nanoTime() - t) / 1e6;
    }

    /** Prints the Markdown table of everything measured. */
    void print() {
        System.out.println("Ratio cells: median of the blocks' ratios [95% confidence interval of the median]"
                + " (quartiles of the blocks' ratios).\n");
        System.out.println("| operation | round trips | steps a block | djorm ms, min / median | same requests raw ms, min / median"
                + " | djorm / raw | A/A control: djorm / djorm | A/A control: raw / raw"
                + " | client thread CPU ms, median: djorm / raw | CPU djorm / raw |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
    }
}
