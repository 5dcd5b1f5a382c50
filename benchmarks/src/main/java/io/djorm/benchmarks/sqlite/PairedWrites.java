package io.djorm.benchmarks.sqlite;

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

    private static void measure(String name, int perRound, int rounds, SqliteBenchmark b, PairedCpu.Operation djorm,
                                PairedCpu.Operation jdbc) throws Exception {
        // the create benchmarks fill the inbox shelf: both sides start each round alike
        PairedCpu.measure(name, WARM_UP_PAIRS, perRound, rounds, () -> {
            b.emptyInbox();
            return null;
        }, djorm, jdbc);
    }
}
