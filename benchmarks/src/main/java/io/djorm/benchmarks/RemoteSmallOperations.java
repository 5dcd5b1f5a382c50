package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.core.Djorm;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.LibsqlTestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small remote operations (get by primary key, filter + count, update() with F, the cascading delete,
 * bulkCreate, bulkUpdate, create x50 in an atomic block, valuesList(), prefetchRelated) on the libSQL-engine test server, each run many times in a row: djorm's client-thread
 * CPU per operation against the same requests replayed raw, first over the operation's first runs (the
 * JIT has compiled little of it yet, as in {@code LibsqlBenchmark}'s 5 warm-ups and 11 runs) and then in
 * a steady state (rounds of the two sides in ABBA order, {@link PairedBlocks}). A long loop of one
 * operation is also what a profiler needs.
 *
 * <pre>benchmarks/run.sh RemoteSmallOperations [rounds] [opsPerRound] [operation...]</pre>
 *
 * <p>{@code -Dside=djorm|raw} runs one side alone (for a profiler or strace), with the client thread's
 * allocation per operation. {@code -Dsplit=true} also
 * prints every pair's wall time split into the wait on HTTP and the client's own work
 * ({@link WaitSplit}); {@code -Dself=djorm|raw} puts the same side in both slots of every pair, the
 * control that shows how far two blocks of identical work differ on this machine.
 */
public final class RemoteSmallOperations {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) CPU;

    private RemoteSmallOperations() {
    }

    /** Runs the operations and prints one line each. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            RoundTripCounter trips = new RoundTripCounter();
            RequestRecorder recorder = new RequestRecorder();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(trips, recorder))))));
            try {
                Library.seed();
                System.out.printf(Locale.ROOT, "%s, %d rounds of %d operations; client-thread CPU ms per operation%n",
                        java.time.Instant.now(), rounds, perRound);
                System.out.println("| operation | round trips | first 16 runs: djorm / raw | steady, median of rounds: djorm / raw"
                        + " | CPU ratio, median of ABBA-paired rounds (p25-p75) |");
                System.out.println("|---|---:|---:|---:|---:|");
                Runnable none = () -> { };
                Object firstKey = Book.objects().orderBy("pk").valuesListFlat("pk").first().orElseThrow();
                run(only, "get by primary key", trips, recorder, rounds, perRound, none,
                        () -> Book.objects().get("pk", firstKey));
                run(only, "filter + count", trips, recorder, rounds, perRound, none,
                        () -> Book.objects().filter("pages__gt", 300).count());
                run(only, "update() with F", trips, recorder, rounds, perRound, none,
                        () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
                run(only, "delete with cascade", trips, recorder, rounds, perRound, Library::restoreDoomedAuthor,
                        () -> Author.objects().filter("pk", Library.DOOMED_AUTHOR).delete());
                Author author = Author.objects().orderBy("pk").first().orElseThrow();
                var publisher = io.djorm.benchmarks.remote.Publisher.objects().orderBy("pk").first().orElseThrow();
                run(only, "bulkCreate 1,000", trips, recorder, rounds, Math.max(1, perRound / 10), none, () -> {
                    List<Book> books = new java.util.ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) books.add(Library.book("bulk-" + i, i, author, publisher));
                    Book.objects().bulkCreate(books);
                });
                List<Book> toUpdate = Book.objects().orderBy("pk").slice(0, 500).list();
                run(only, "bulkUpdate 500", trips, recorder, rounds, Math.max(1, perRound / 10), none, () -> {
                    for (Book b : toUpdate) b.price = b.price + 0.25;
                    Book.objects().bulkUpdate(toUpdate, "price");
                });
                run(only, "create x50", trips, recorder, rounds, Math.max(1, perRound / 10), none,
                        () -> io.djorm.core.Transaction.atomic(() -> {
                            for (int i = 0; i < 50; i++) Library.book("tx-" + i, i, author, publisher).save();
                        }));
                run(only, "valuesList()", trips, recorder, rounds, perRound, none,
                        () -> Book.objects().valuesList("title", "pages").list());
                run(only, "prefetchRelated", trips, recorder, rounds, perRound, none,
                        () -> Book.objects().orderBy("pk").slice(0, 500).prefetchRelated("tags").list());
            } finally {
                Djorm.shutdown();
            }
        }
    }

    private static void run(List<String> only, String name, RoundTripCounter trips, RequestRecorder recorder, int rounds,
                            int perRound, Runnable setup, Runnable op) {
        if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) return;
        setup.run();
        recorder.start();
        long before = trips.count();
        op.run();
        long tripsPerOp = trips.count() - before;
        List<RequestRecorder.Sent> sent = recorder.stop();
        Runnable replayed = () -> recorder.replay(sent, 0);
        String self = System.getProperty("self", "");
        Runnable first = self.equals("raw") ? replayed : op;
        Runnable replay = self.equals("djorm") ? op : replayed;
        // The first runs, alternating as LibsqlBenchmark does (its 5 warm-ups and 11 timed runs).
        double[] coldDjorm = new double[16];
        double[] coldRaw = new double[16];
        for (int i = 0; i < 16; i++) {
            coldDjorm[i] = cpuMillis(setup, op, 1);
            coldRaw[i] = cpuMillis(setup, replay, 1);
        }
        // -Dside=djorm or -Dside=raw runs one side only, for a profiler or strace.
        String side = System.getProperty("side", "both");
        if (!side.equals("both")) {
            double[] cpu = new double[rounds];
            double[] kib = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long allocated = ALLOCATED.getCurrentThreadAllocatedBytes();
                cpu[i] = cpuMillis(setup, side.equals("raw") ? replay : op, perRound);
                kib[i] = (ALLOCATED.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / perRound; // setup included
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %s only: %.3f ms CPU, %.1f KiB allocated (median of rounds) |%n",
                    name, tripsPerOp, side, PairedBlocks.median(cpu), PairedBlocks.median(kib));
            return;
        }
        boolean split = Boolean.getBoolean("split");
        WaitSplit djormWaits = new WaitSplit(rounds * perRound, self.equals("raw") ? HttpWaits.RAW : HttpWaits.DJORM);
        WaitSplit rawWaits = new WaitSplit(rounds * perRound, self.equals("djorm") ? HttpWaits.DJORM : HttpWaits.RAW);
        PairedBlocks.Result r = PairedBlocks.run(rounds, perRound, setup,
                split ? djormWaits.timing(first) : first, split ? rawWaits.timing(replay) : replay);
        double d = PairedBlocks.median(r.aCpu());
        double w = PairedBlocks.median(r.bCpu());
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f / %.3f | %.3f / %.3f | %s |%n", name, tripsPerOp,
                Spread.of(java.util.Arrays.copyOfRange(coldDjorm, 5, 16)).median(),
                Spread.of(java.util.Arrays.copyOfRange(coldRaw, 5, 16)).median(), d, w,
                PairedBlocks.ratioWithQuartiles(r.cpuRatios()));
        if (split) WaitSplit.print(djormWaits, rawWaits, rounds, perRound, r);
    }

    /** The client thread's CPU per operation over {@code n} operations, each after an untimed setup. */
    private static double cpuMillis(Runnable setup, Runnable op, int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            setup.run();
            long t = CPU.getCurrentThreadCpuTime();
            op.run();
            total += CPU.getCurrentThreadCpuTime() - t;
        }
        return total / 1e6 / n;
    }
}
