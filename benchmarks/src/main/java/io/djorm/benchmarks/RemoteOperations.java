package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.core.Transaction;
import io.djorm.libsql.RoundTripCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every ORM operation of the benchmarks page, run against a remote server: HTTP round trips per
 * operation, and djorm's time against the very requests it sent replayed as bare HTTP (the remote
 * server's "hand-written JDBC": the same work for the server and the network, no ORM around it).
 * djorm and the replay run in ABBA-ordered pairs of blocks of about 20 ms, and each operation's ratio
 * is the median of the pairs' ratios, so the machine's slow spells (seconds long) fall on both sides of
 * a pair.
 */
final class RemoteOperations {
    /** How long each side of an operation is warmed up before it is timed. */
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final int WARM_UP_MAX_RUNS = 5_000;
    /** The target length of one timed block of one side. */
    private static final double BLOCK_MILLIS = 20;
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

    /** Seeds the library and measures each operation in {@code runs} ABBA pairs; {@link #print} shows the table. */
    void runAll(int runs) {
        Library.seed();
        List<Object> keys = new ArrayList<>();
        for (Object pk : Book.objects().orderBy("pk").valuesListFlat("pk").slice(0, 200).list()) keys.add(pk);
        Runnable none = () -> { };
        measure("hydrate all " + String.format(Locale.ROOT, "%,d", Library.BOOKS) + " books", 1, runs, none,
                () -> Book.objects().all().list());
        measure("get by primary key (per get, x200)", keys.size(), runs, none, () -> {
            for (Object pk : keys) Book.objects().get("pk", pk);
        });
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
        measure("bulkUpdate 500 books (one field)", 1, runs, none, () -> {
            for (Book b : toUpdate) b.price = b.price + 0.25;
            Book.objects().bulkUpdate(toUpdate, "price");
        });
        measure("delete with cascade (" + Library.doomedRows() + " rows)", 1, runs, Library::restoreDoomedAuthor,
                () -> Author.objects().filter("pk", Library.DOOMED_AUTHOR).delete());
    }

    /**
     * Warms the operation up, records the requests of one run, warms the replay up, then times djorm and
     * the replay in ABBA-ordered pairs of short blocks ({@link PairedBlocks}); {@code setup} runs untimed
     * before each run of either side.
     */
    private void measure(String name, int opsPerRun, int pairs, Runnable setup, Runnable op) {
        double opMillis = warmUp(setup, op);
        setup.run();
        recorder.start();
        long before = trips.count();
        op.run();
        double tripsPerOp = (trips.count() - before) / (double) opsPerRun;
        List<RequestRecorder.Sent> sent = recorder.stop();
        Runnable replay = () -> recorder.replay(sent, replayPauseMillis);
        warmUp(setup, replay); // its JSON tree parse, which djorm never runs
        // A block of about BLOCK_MILLIS: long enough that one hiccup does not decide a pair, short
        // enough that both blocks of a pair fall in the same regime of the machine.
        int perBlock = (int) Math.max(1, Math.round(BLOCK_MILLIS / opMillis));
        PairedBlocks.Result r = PairedBlocks.run(pairs, perBlock, setup, op, replay);
        double[] d = perOp(r.aMillis(), opsPerRun);
        double[] w = perOp(r.bMillis(), opsPerRun);
        rows.add(new String[] {name, String.format(Locale.ROOT, "%.1f", tripsPerOp), Integer.toString(perBlock),
                Spread.of(d).format(2), Spread.of(w).format(2), PairedBlocks.ratioWithQuartiles(r.ratios()),
                String.format(Locale.ROOT, "%.3f / %.3f", PairedBlocks.median(perOp(r.aCpu(), opsPerRun)),
                        PairedBlocks.median(perOp(r.bCpu(), opsPerRun))),
                PairedBlocks.ratioWithQuartiles(r.cpuRatios())});
    }

    private static double[] perOp(double[] perRun, int opsPerRun) {
        double[] out = new double[perRun.length];
        for (int i = 0; i < out.length; i++) out[i] = perRun[i] / opsPerRun;
        return out;
    }

    /**
     * Runs {@code op} (after its untimed {@code setup}) until the JIT has compiled its code: for a
     * warm-up time, at least 5 and at most {@value #WARM_UP_MAX_RUNS} runs. A fixed handful of runs left
     * the small operations (a count, an update, about a millisecond each) timed in the interpreter, so
     * djorm's own code ran uncompiled while the replay's code (the HTTP client, shared with every
     * operation before) was long compiled; both sides now get the same time. Returns the median
     * milliseconds of the last runs, to size the timed blocks.
     */
    private static double warmUp(Runnable setup, Runnable op) {
        long end = System.nanoTime() + WARM_UP_NANOS;
        double[] last = new double[5];
        int i = 0;
        for (; i < 5 || (i < WARM_UP_MAX_RUNS && System.nanoTime() - end < 0); i++) {
            setup.run();
            last[i % last.length] = millis(op);
        }
        return PairedBlocks.median(last);
    }

    private static double millis(Runnable task) {
        long t = System.nanoTime();
        task.run();
        return (System.nanoTime() - t) / 1e6;
    }

    /** Prints the Markdown table of everything measured. */
    void print() {
        System.out.println("| operation | round trips | runs a block | djorm ms, min / median | same requests raw ms, min / median"
                + " | djorm / raw, median of paired ratios (p25-p75) | client thread CPU ms, median: djorm / raw"
                + " | CPU djorm / raw, median of paired ratios (p25-p75) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
    }
}
