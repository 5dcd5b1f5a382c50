package io.djorm.benchmarks.sqlite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The write operations of {@link SqliteBenchmark} (create x100 in a transaction, bulkUpdate, update()
 * with F), djorm and JDBC measured in pairs in one JVM as {@link PairedCpu} does for the reads: each
 * round runs both sides back to back, swapping which goes first, and records the thread's CPU time of
 * each. Prints the minimum and median CPU time per operation of each side and their ratios. Arguments:
 * the number of rounds (default 40) and, optionally, one operation to run alone ({@code create},
 * {@code bulkUpdate} or {@code updateF}), for a profiler.
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.sqlite.PairedWrites 40
 * </pre>
 */
public final class PairedWrites {
    private static final int WARM_UP_PAIRS = 200;

    /** One benchmark method. */
    private interface Operation {
        Object run() throws Exception;
    }

    private PairedWrites() {
    }

    /** Runs the pairs and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String only = args.length > 1 ? args[1] : null;
        SqliteBenchmark b = new SqliteBenchmark();
        b.setUp();
        try {
            if (only == null || only.equals("create")) {
                measure("create x100", 10, rounds, b, b::createInTransaction_djorm, b::createInTransaction_jdbc);
            }
            if (only == null || only.equals("bulkUpdate")) {
                measure("bulkUpdate", 5, rounds, b, b::bulkUpdate_djorm, b::bulkUpdate_jdbc);
            }
            if (only == null || only.equals("updateF")) {
                measure("updateF", 10, rounds, b, b::updateF_djorm, b::updateF_jdbc);
            }
        } finally {
            b.tearDown();
        }
    }

    private static void measure(String name, int perRound, int rounds, SqliteBenchmark b, Operation djorm,
                                Operation jdbc) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Operation[] sides = {djorm, jdbc};
        for (int w = 0; w < WARM_UP_PAIRS; w++) {
            djorm.run();
            jdbc.run();
            if (w % 20 == 0) b.emptyInbox();
        }
        long[][] cpu = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            b.emptyInbox(); // the create benchmarks fill the inbox shelf: both sides start each round alike
            for (int s = 0; s < 2; s++) {
                int side = r % 2 == 0 ? s : 1 - s;
                long start = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) sides[side].run();
                cpu[side][r] = (mx.getCurrentThreadCpuTime() - start) / perRound;
            }
        }
        Arrays.sort(cpu[0]);
        Arrays.sort(cpu[1]);
        long[] medians = {cpu[0][rounds / 2], cpu[1][rounds / 2]};
        System.out.printf("%-12s djorm CPU min %7.0f median %7.0f µs | JDBC CPU min %7.0f median %7.0f µs"
                        + " | ratio min %.2fx median %.2fx%n", name, cpu[0][0] / 1e3, medians[0] / 1e3, cpu[1][0] / 1e3,
                medians[1] / 1e3, (double) cpu[0][0] / cpu[1][0], (double) medians[0] / medians[1]);
    }
}
