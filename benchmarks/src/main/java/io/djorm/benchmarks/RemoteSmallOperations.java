package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.benchmarks.report.RatioSummary;
import io.djorm.core.Djorm;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.LibsqlTestServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profiling loop for the remote operations on the libSQL-engine test server: one side at a time
 * ({@code -Dside=djorm}, the default, or {@code -Dside=raw}: the same requests replayed bare), each
 * operation run {@code rounds} times {@code opsPerRound} times in a row, printing the client thread's CPU
 * and allocation per operation (medians of the rounds). A long loop of one side is what a profiler (JFR,
 * async-profiler) or strace needs; the comparison of djorm with the replay is {@code LibsqlBenchmark
 * libsql} ({@link RemoteOperations}), whose table has each operation's client CPU on both sides too.
 *
 * <pre>benchmarks/run.sh RemoteSmallOperations [rounds] [opsPerRound] [operation...]
 * JAVA_OPTS="-Dside=djorm -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile" \
 *     benchmarks/run.sh RemoteSmallOperations 21 50 bulkUpdate</pre>
 */
public final class RemoteSmallOperations {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RemoteSmallOperations() {
    }

    /** Runs the operations and prints one line each. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        String side = System.getProperty("side", "djorm");
        if (!side.equals("djorm") && !side.equals("raw")) throw new IllegalArgumentException("-Dside=djorm or -Dside=raw");
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            RoundTripCounter trips = new RoundTripCounter();
            RequestRecorder recorder = new RequestRecorder();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(trips, recorder))))));
            try {
                Library.seed();
                System.out.printf(Locale.ROOT, "%s, %s only, %d rounds of %d operations (a tenth for the bulk ones)%n%n",
                        java.time.Instant.now(), side, rounds, perRound);
                System.out.println("| operation | round trips | client thread CPU ms per operation | KiB allocated per operation |");
                System.out.println("|---|---:|---:|---:|");
                Loop loop = new Loop(side.equals("raw"), trips, recorder, rounds, only);
                Runnable none = () -> { };
                Object firstKey = Book.objects().orderBy("pk").valuesListFlat("pk").first().orElseThrow();
                loop.run("get by primary key", 1, perRound, none, () -> Book.objects().get("pk", firstKey));
                loop.run("filter + count", 1, perRound, none, () -> Book.objects().filter("pages__gt", 300).count());
                loop.run("update() with F", 1, perRound, none,
                        () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
                loop.run("delete with cascade", 1, perRound, Library::restoreDoomedAuthor,
                        () -> Author.objects().filter("pk", Library.DOOMED_AUTHOR).delete());
                Author author = Author.objects().orderBy("pk").first().orElseThrow();
                var publisher = io.djorm.benchmarks.remote.Publisher.objects().orderBy("pk").first().orElseThrow();
                int bulkPerRound = Math.max(1, perRound / 10);
                loop.run("bulkCreate 1,000", 1, bulkPerRound, none, () -> {
                    List<Book> books = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) books.add(Library.book("bulk-" + i, i, author, publisher));
                    Book.objects().bulkCreate(books);
                });
                List<Book> toUpdate = Book.objects().orderBy("pk").slice(0, 500).list();
                // Two recordings replayed in turn, as RemoteOperations does: one replayed again and again would
                // write the bytes its pages already hold, which SQLite skips.
                // The new prices are set untimed, as in RemoteOperations: the application's work, not djorm's.
                loop.run("bulkUpdate 500", 2, bulkPerRound, () -> {
                    for (Book b : toUpdate) b.price = b.price + 0.25;
                }, () -> Book.objects().bulkUpdate(toUpdate, "price"));
                loop.run("create x50", 1, bulkPerRound, none, () -> io.djorm.core.Transaction.atomic(() -> {
                    for (int i = 0; i < 50; i++) Library.book("tx-" + i, i, author, publisher).save();
                }));
                loop.run("valuesList()", 1, perRound, none, () -> Book.objects().valuesList("title", "pages").list());
                loop.run("prefetchRelated", 1, perRound, none,
                        () -> Book.objects().orderBy("pk").slice(0, 500).prefetchRelated("tags").list());
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** Runs one side of each chosen operation in rounds and prints its line. */
    private record Loop(boolean raw, RoundTripCounter trips, RequestRecorder recorder, int rounds, List<String> only) {
        /**
         * Runs {@code op}, or the requests of {@code recordings} recorded runs of it replayed in turn, after
         * its untimed {@code setup}.
         */
        void run(String name, int recordings, int perRound, Runnable setup, Runnable op) {
            if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) return;
            List<RequestRecorder.Sent> sent = new ArrayList<>();
            long before = trips.count();
            for (int i = 0; i < recordings; i++) {
                setup.run();
                recorder.start();
                op.run();
                sent.addAll(recorder.stop());
            }
            long tripsPerOp = (trips.count() - before) / recordings;
            int perRun = sent.size() / recordings;
            int[] next = {0};
            Runnable timed = !raw ? op : () -> {
                int run = next[0]++ % recordings;
                recorder.replay(sent.subList(run * perRun, (run + 1) * perRun), 0);
            };
            double[] cpu = new double[rounds];
            double[] kib = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long cpuTotal = 0;
                long allocated = THREAD.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < perRound; i++) {
                    setup.run();
                    long t = THREAD.getCurrentThreadCpuTime();
                    timed.run();
                    cpuTotal += THREAD.getCurrentThreadCpuTime() - t;
                }
                cpu[r] = cpuTotal / 1e6 / perRound;
                kib[r] = (THREAD.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / perRound; // setup included
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.1f |%n", name, tripsPerOp, median(cpu), median(kib));
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            return RatioSummary.quantile(sorted, 0.5);
        }
    }
}
