package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the paired table of docs/benchmarks.md (between {@code <!-- sqlite-paired:begin -->} and
 * {@code <!-- sqlite-paired:end -->}) from the pairs file of a {@link SqlitePairs} run: per operation each
 * side's fastest and median CPU time per call, the median of the pair ratios (the goal-1 figure), their
 * quartiles, the 95% interval of that median, the number of pairs and the warm-up.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.report.PairedTable benchmarks/target/sqlite-pairs.csv docs/benchmarks.md</pre>
 */
public final class PairedTable {
    /** The page section the table goes into. */
    static final String SECTION = "sqlite-paired";

    private PairedTable() {
    }

    /** Arguments: the pairs file, the docs page. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: PairedTable <pairs.csv> <page.md>");
        PageSection.replace(Path.of(args[1]), SECTION, page(PairsFile.read(Path.of(args[0]))));
        System.out.println("updated " + args[1]);
    }

    /** The section's text: the run's line, then the table. */
    static String page(PairsFile f) {
        return "Run " + f.run.getOrDefault("started", "?") + " – " + f.run.getOrDefault("finished", "?") + " on "
                + f.run.getOrDefault("machine", "?") + "; load average " + f.run.getOrDefault("load at start", "?")
                + " at the start, " + f.run.getOrDefault("load at end", "?") + " at the end. Command: `"
                + f.run.getOrDefault("command", "?") + "`.\n\n" + table(f);
    }

    /** The table, operations in {@link SqliteTables#OPERATIONS}' order. */
    static String table(PairsFile f) {
        StringBuilder sb = new StringBuilder("| operation | djorm CPU min / median (µs) | JDBC CPU min / median (µs) "
                + "| median of pair ratios | pair ratios, quartiles | 95% interval of the median | pairs | warm-up (s) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] op : SqliteTables.OPERATIONS) {
            List<PairRunner.Pair> pairs = f.pairs.get(op[0]);
            if (pairs == null || pairs.isEmpty()) continue;
            PairedSummary s = PairedSummary.of(pairs);
            PairRunner.WarmUp w = f.warmUps.get(op[0]);
            sb.append("| ").append(op[1])
                    .append(" | ").append(micros(s.djormMin())).append(" / ").append(micros(s.djormMedian()))
                    .append(" | ").append(micros(s.jdbcMin())).append(" / ").append(micros(s.jdbcMedian()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3fx", s.ratio()))
                    .append(" | ").append(ratio(s.ratioQ1())).append(" – ").append(ratio(s.ratioQ3()))
                    .append(" | ").append(ratio(s.ratioLow())).append(" – ").append(ratio(s.ratioHigh()))
                    .append(" | ").append(s.pairs())
                    .append(" | ").append(w == null ? "—" : String.format(Locale.ROOT, "%.0f%s", w.seconds(),
                            w.jitQuiet() ? "" : " (cap: JIT still busy)"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String micros(double nanos) {
        double v = nanos / 1000;
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
