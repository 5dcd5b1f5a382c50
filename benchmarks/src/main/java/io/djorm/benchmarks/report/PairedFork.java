package io.djorm.benchmarks.report;

import io.djorm.benchmarks.sqlite.PairedOperations;
import io.djorm.benchmarks.sqlite.SqliteBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One operation of {@link SqlitePairs} in a JVM of its own, as JMH runs a benchmark in a fork: sets up
 * {@link SqliteBenchmark} (the 10,000-book file, the agreement check), warms both sides up, runs the
 * pairs and appends their lines ({@link PairsFile}) to a file. Started by {@link SqlitePairs}; arguments:
 * operation, pairs, slice milliseconds, minimum warm-up seconds, output file.
 */
public final class PairedFork {
    private PairedFork() {
    }

    /** Measures one operation. */
    public static void main(String[] args) throws Exception {
        String operation = args[0];
        int count = Integer.parseInt(args[1]);
        PairRunner runner = new PairRunner(Long.parseLong(args[2]));
        double warmUpSeconds = Double.parseDouble(args[3]);
        Path out = Path.of(args[4]);
        SqliteBenchmark b = new SqliteBenchmark();
        b.setUp();
        try {
            PairedOperations.Sides sides = PairedOperations.of(operation, b);
            PairRunner.WarmUp warmUp = runner.warmUp(sides.djorm(), sides.jdbc(), warmUpSeconds);
            List<PairRunner.Pair> pairs = runner.pairs(sides.djorm(), sides.jdbc(), count);
            Files.write(out, PairsFile.lines(operation, warmUp, pairs));
            PairedSummary s = PairedSummary.of(pairs);
            System.out.printf(Locale.ROOT, "%-21s warm-up %4.1f s%s  djorm %,10.2f µs  JDBC %,10.2f µs  ratio %.3fx "
                            + "(quartiles %.3f – %.3f, %d pairs)%n", operation, warmUp.seconds(),
                    warmUp.jitQuiet() ? "" : " (cap)", s.djormMedian() / 1e3, s.jdbcMedian() / 1e3, s.ratio(), s.ratioQ1(),
                    s.ratioQ3(), s.pairs());
        } finally {
            b.tearDown();
        }
    }
}
