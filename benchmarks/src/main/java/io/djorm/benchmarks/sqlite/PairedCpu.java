package io.djorm.benchmarks.sqlite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The read operations of {@link SqliteBenchmark}, djorm and JDBC measured in pairs in one JVM: each
 * round runs both sides back to back (swapping which goes first) and records the thread's CPU time of
 * each, so both see the same load on a shared machine. Prints, per operation, the minimum and median
 * CPU time of each side and their ratios. Arguments: the number of rounds (default 30), then optionally
 * a regular expression naming the operations to run (default: all).
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.sqlite.PairedCpu 30
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.sqlite.PairedCpu 30 'getByPk|selectRelated.*'
 * java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.sqlite.PairedCpu 30
 * </pre>
 *
 * Until the heap has been used once, every new page the allocator touches costs a page fault, which the
 * kernel charges to the allocating thread's CPU time; {@code -XX:+AlwaysPreTouch} takes those faults at
 * start-up instead, so that neither side pays them inside a measured round.
 */
public final class PairedCpu {
    private static final int WARM_UP_PAIRS = 40;
    /** Gets per round: one takes about 10 µs, so a round of them is long enough for the thread CPU clock. */
    private static final int GETS_PER_ROUND = 2000;

    /** One benchmark method. */
    interface Operation {
        Object run() throws Exception;
    }

    private PairedCpu() {
    }

    /** Runs the pairs and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        java.util.function.Predicate<String> chosen = args.length > 1
                ? java.util.regex.Pattern.compile(args[1]).asMatchPredicate() : name -> true;
        SqliteBenchmark b = new SqliteBenchmark();
        b.setUp();
        try {
            if (chosen.test("getByPk")) measure("getByPk", GETS_PER_ROUND, rounds, b::getByPk_djorm, b::getByPk_jdbc);
            if (chosen.test("hydrate")) measure("hydrate", 2, rounds, b::hydrate_djorm, b::hydrate_jdbc);
            if (chosen.test("selectRelated")) measure("selectRelated", 2, rounds, b::selectRelated_djorm, b::selectRelated_jdbc);
            if (chosen.test("selectRelatedTwoHops")) {
                measure("selectRelatedTwoHops", 2, rounds, b::selectRelatedTwoHops_djorm, b::selectRelatedTwoHops_jdbc);
            }
            if (chosen.test("prefetchRelated")) {
                measure("prefetchRelated", 10, rounds, b::prefetchRelated_djorm, b::prefetchRelated_jdbc);
            }
            if (chosen.test("values")) measure("values", 2, rounds, b::values_djorm, b::values_jdbc);
            if (chosen.test("valuesList")) measure("valuesList", 2, rounds, b::valuesList_djorm, b::valuesList_jdbc);
        } finally {
            b.tearDown();
        }
    }

    private static void measure(String name, int perRound, int rounds, Operation djorm, Operation jdbc) throws Exception {
        measure(name, WARM_UP_PAIRS, perRound, rounds, () -> null, djorm, jdbc);
    }

    /**
     * Measures {@code rounds} pairs of the two sides after {@code warmUpPairs} unmeasured ones, running
     * {@code beforeRound} (untimed) before each round and every 20th warm-up pair, and prints one line.
     */
    static void measure(String name, int warmUpPairs, int perRound, int rounds, Operation beforeRound, Operation djorm,
                        Operation jdbc) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Operation[] sides = {djorm, jdbc};
        for (int w = 0; w < warmUpPairs; w++) {
            djorm.run();
            jdbc.run();
            if (w % 20 == 0) beforeRound.run();
        }
        long[][] cpu = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            beforeRound.run();
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
        System.out.printf("%-22s djorm CPU min %9.2f median %9.2f µs | JDBC CPU min %9.2f median %9.2f µs"
                        + " | ratio min %.2fx median %.2fx%n", name, cpu[0][0] / 1e3, medians[0] / 1e3, cpu[1][0] / 1e3,
                medians[1] / 1e3, (double) cpu[0][0] / cpu[1][0], (double) medians[0] / medians[1]);
    }
}
