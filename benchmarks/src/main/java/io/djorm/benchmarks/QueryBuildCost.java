package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.core.Djorm;
import io.djorm.testkit.LibsqlTestServer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client-thread cost of the three small queries (get by primary key, filter + count, update() with F)
 * as allocated bytes and CPU per operation, djorm against the same HTTP requests replayed raw on the
 * libSQL-engine test server, or djorm alone on an in-memory SQLite alias holding 20 books (where
 * the query building is most of the CPU). Allocation is the steadier of
 * the two on a shared machine: it does not move with the load, so a change to query building shows in it
 * run after run.
 *
 * <pre>benchmarks/run.sh QueryBuildCost [libsql|sqlite] [rounds] [opsPerRound] [operation...]</pre>
 *
 * <p>Operations are named by the start of their line: {@code get}, {@code filter}, {@code update}.
 */
public final class QueryBuildCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** The operations to run (the start of their names); empty: all. */
    private static List<String> only = List.of();

    private QueryBuildCost() {
    }

    /** Runs the three operations and prints one line each. */
    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "libsql";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        only = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        if (backend.equals("sqlite")) {
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", ":memory:"))));
            try {
                measure(null, rounds, perRound);
            } finally {
                Djorm.shutdown();
            }
            return;
        }
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            RequestRecorder recorder = new RequestRecorder();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(recorder))))));
            try {
                measure(recorder, rounds, perRound);
            } finally {
                Djorm.shutdown();
            }
        }
    }

    private static void measure(RequestRecorder recorder, int rounds, int perRound) {
        Library.seed();
        if (recorder == null) {
            // In process, SQLite's scan of 2,000 rows would hide the query building: keep 20 books.
            Djorm.connection().execute("DELETE FROM rb_book_tags");
            Djorm.connection().execute("DELETE FROM rb_book WHERE id > 20");
        }
        Object firstKey = Book.objects().orderBy("pk").valuesListFlat("pk").first().orElseThrow();
        System.out.printf(Locale.ROOT, "%s, %d rounds of %d; per operation, median of rounds: bytes allocated, CPU us (fastest round)%n",
                java.time.Instant.now(), rounds, perRound);
        System.out.println("| operation | djorm bytes | raw bytes | djorm CPU us | raw CPU us |");
        System.out.println("|---|---:|---:|---:|---:|");
        run(recorder, "get by primary key", rounds, perRound, () -> Book.objects().get("pk", firstKey));
        run(recorder, "filter + count", rounds, perRound, () -> Book.objects().filter("pages__gt", 300).count());
        run(recorder, "update() with F", rounds, perRound,
                () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
    }

    private static void run(RequestRecorder recorder, String name, int rounds, int perRound, Runnable op) {
        if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) return;
        Runnable raw = null;
        if (recorder != null) {
            recorder.start();
            op.run();
            List<RequestRecorder.Sent> sent = recorder.stop();
            raw = () -> recorder.replay(sent, 0);
        }
        for (int i = 0; i < 3; i++) { // warm-up rounds, not counted
            block(op, perRound);
            if (raw != null) block(raw, perRound);
        }
        double[][] djorm = new double[2][rounds];
        double[][] replay = new double[2][rounds];
        for (int i = 0; i < rounds; i++) {
            double[] d = block(op, perRound);
            djorm[0][i] = d[0];
            djorm[1][i] = d[1];
            if (raw != null) {
                double[] r = block(raw, perRound);
                replay[0][i] = r[0];
                replay[1][i] = r[1];
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %s | %s |%n", name, median(djorm[0]),
                raw == null ? "-" : String.format(Locale.ROOT, "%.0f", median(replay[0])), cpu(djorm[1]),
                raw == null ? "-" : cpu(replay[1]));
    }

    /** Bytes allocated and CPU microseconds of the current thread per operation over {@code n} operations. */
    private static double[] block(Runnable op, int n) {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) op.run();
        return new double[] {(double) (THREADS.getCurrentThreadAllocatedBytes() - bytes) / n,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / n};
    }

    /** The median CPU and, in parentheses, the fastest round's: on a loaded machine the least disturbed. */
    private static String cpu(double[] micros) {
        return String.format(Locale.ROOT, "%.1f (%.1f)", median(micros), Arrays.stream(micros).min().orElse(0));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
