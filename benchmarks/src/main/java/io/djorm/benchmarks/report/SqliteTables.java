package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the SQLite tables of docs/benchmarks.md from JMH JSON results: djorm against hand-written
 * sqlite-jdbc per operation ({@code SqliteBenchmark}) and the scaling table ({@code ScaleBenchmark}),
 * each with the machine, the date and the minimum and median of the samples, pooled over every file
 * given ({@link SqliteForks} writes one file per round of one-fork runs). The operations table also
 * shows how many forks and samples each side pools, the lowest and highest of each side's fork medians
 * of CPU time (one fork's JIT can land in a slow state for its whole life), and the median of the CPU
 * ratios of the forks run side by side (see {@link JmhResults#pairedRatio}), and last each side's lower
 * quartile of CPU time and their ratio: this machine spends seconds at a time in a slow regime (about 1.5x
 * the CPU time, both sides alike), which took 28-69% of a side's samples in the runs of 2026-12-04, so a
 * side's median falls on either regime depending on how many slow samples it drew, while its lower quartile
 * stays in the fast one whenever at least a quarter of its samples are fast. The paired figures of
 * {@link SqlitePairs} do not depend on that condition.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.report.SqliteTables jmh-1.json [jmh-2.json ...] docs/benchmarks.md</pre>
 */
public final class SqliteTables {
    /** The operations in table order: method prefix and the row's label. */
    static final List<String[]> OPERATIONS = List.of(
            new String[] {"hydrate", "hydrate all 10,000 books"},
            new String[] {"getByPk", "get by primary key"},
            new String[] {"filterCount", "filter + count"},
            new String[] {"selectRelated", "selectRelated, one FK (10,000 rows)"},
            new String[] {"selectRelatedTwoHops", "selectRelated, two hops (10,000 rows)"},
            new String[] {"prefetchRelated", "prefetchRelated M2M (1,000 books, 3,000 tags)"},
            new String[] {"values", "values(), 3 columns (10,000 rows)"},
            new String[] {"valuesList", "valuesList(), 3 columns (10,000 rows)"},
            new String[] {"updateF", "update() with F, 1,000 rows"},
            new String[] {"createInTransaction", "create x100 in a transaction"},
            new String[] {"bulkCreate", "bulkCreate 1,000 rows"},
            new String[] {"bulkUpdate", "bulkUpdate 1,000 rows"},
            new String[] {"deleteCascade", "delete with cascade (1 + 100 rows)"});
    private static final int[] SIZES = {10_000, 100_000, 1_000_000};
    /** The suffix of {@link CpuTimeProfiler}'s secondary result in the JSON. */
    private static final String CPU = ":" + CpuTimeProfiler.LABEL;

    private SqliteTables() {
    }

    /** Arguments: one or more JMH JSON files, then the docs page to update. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) throw new IllegalArgumentException("usage: SqliteTables <jmh.json>... <page.md>");
        List<Path> jsons = new java.util.ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) jsons.add(Path.of(args[i]));
        Path page = Path.of(args[args.length - 1]);
        JmhResults r = JmhResults.read(jsons);
        String machine = machine(jsons, r);
        // A section is written only from results that fill it: the scaling table has its own command, and
        // a run of SqliteForks must not empty it (nor a run of ScaleBenchmark the operations table).
        String operations = operations(r);
        String scale = scale(r);
        if (hasRows(operations)) PageSection.replace(page, "sqlite-jmh", machine + "\n" + operations);
        if (hasRows(scale)) PageSection.replace(page, "scale-jmh", machine + "\n" + scale);
        System.out.println((hasRows(operations) || hasRows(scale) ? "updated " : "no SQLite results for ") + page);
    }

    private static String machine(List<Path> jsons, JmhResults r) throws IOException {
        java.nio.file.attribute.FileTime last = null;
        for (Path json : jsons) {
            java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(json);
            if (last == null || t.compareTo(last) > 0) last = t;
        }
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(last.toInstant().atOffset(ZoneOffset.UTC))
                + (jsons.size() > 1 ? " (" + jsons.size() + " runs pooled)" : "");
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " when this table was written" : "";
        return "Run finished " + when + " on " + Runtime.getRuntime().availableProcessors() + " cores" + load + ", "
                + r.jdk() + ".\n";
    }

    /** Whether a table has a row beside its header and separator lines. */
    static boolean hasRows(String table) {
        return table.lines().count() > 2;
    }

    static String operations(JmhResults r) {
        StringBuilder sb = new StringBuilder("| operation | djorm min / median (µs) | JDBC min / median (µs) "
                + "| ratio of medians | djorm CPU min / median (µs) | JDBC CPU min / median (µs) | CPU ratio of medians "
                + "| forks / samples per side | djorm CPU fork medians, lowest – highest (µs) "
                + "| JDBC CPU fork medians, lowest – highest (µs) | CPU median of paired fork ratios "
                + "| djorm / JDBC CPU lower quartile (µs) | CPU ratio of lower quartiles |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String[] op : OPERATIONS) {
            String orm = "SqliteBenchmark." + op[0] + "_djorm";
            String jdbc = "SqliteBenchmark." + op[0] + "_jdbc";
            if (r.get(orm) == null || r.get(jdbc) == null) continue;
            sb.append("| ").append(op[1]).append(" | ").append(spread(r.get(orm))).append(" | ")
                    .append(spread(r.get(jdbc))).append(" | ").append(ratio(r.get(orm), r.get(jdbc))).append(" | ")
                    .append(spread(r.get(orm + CPU))).append(" | ").append(spread(r.get(jdbc + CPU))).append(" | ")
                    .append(ratio(r.get(orm + CPU), r.get(jdbc + CPU))).append(" | ")
                    .append(counts(r.forks(orm), r.forks(jdbc))).append(" | ").append(forkSpread(r.forks(orm + CPU)))
                    .append(" | ").append(forkSpread(r.forks(jdbc + CPU))).append(" | ")
                    .append(ratio(r.pairedRatio(orm + CPU, jdbc + CPU))).append(" | ")
                    .append(lowerQuartiles(r.get(orm + CPU), r.get(jdbc + CPU))).append(" |\n");
        }
        return sb.toString();
    }

    static String scale(JmhResults r) {
        StringBuilder sb = new StringBuilder("| rows | list() min / median (ms) | list() per row: wall / CPU, medians (ns) "
                + "| iterator(2000) at -Xmx64m, min / median (ms) | iterator(2000) per row: wall / CPU, medians (ns) |\n"
                + "|---:|---:|---:|---:|---:|\n");
        for (int rows : SIZES) {
            String list = "ScaleBenchmark.list@" + rows;
            String chunked = "ScaleBenchmark.iteratorChunked@" + rows;
            if (r.get(list) == null && r.get(chunked) == null) continue;
            sb.append("| ").append(String.format(Locale.ROOT, "%,d", rows)).append(" | ").append(spread(r.get(list)))
                    .append(" | ").append(perRow(r.get(list), rows)).append(" / ").append(perRow(r.get(list + CPU), rows))
                    .append(" | ").append(spread(r.get(chunked))).append(" | ").append(perRow(r.get(chunked), rows))
                    .append(" / ").append(perRow(r.get(chunked + CPU), rows)).append(" |\n");
        }
        return sb.toString();
    }

    private static String spread(JmhResults.Spread s) {
        return s == null ? "—" : num(s.min()) + " / " + num(s.median());
    }

    /** "djorm / JDBC | ratio" of the lower quartiles. */
    private static String lowerQuartiles(JmhResults.Spread orm, JmhResults.Spread jdbc) {
        if (orm == null || jdbc == null) return "— | —";
        return num(orm.lowerQuartile()) + " / " + num(jdbc.lowerQuartile()) + " | "
                + ratio(orm.lowerQuartile() / jdbc.lowerQuartile());
    }

    private static String perRow(JmhResults.Spread ms, int rows) {
        if (ms == null) return "—";
        double perOp = ms.unit().startsWith("us") ? ms.median() * 1_000 : ms.median() * 1_000_000;
        return String.format(Locale.ROOT, "%,.0f", perOp / rows);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String ratio(JmhResults.Spread orm, JmhResults.Spread jdbc) {
        if (orm == null || jdbc == null) return "—";
        return ratio(orm.median() / jdbc.median());
    }

    private static String ratio(Double r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** "forks / samples", once when both sides pooled as many, else each side's. */
    private static String counts(JmhResults.Forks orm, JmhResults.Forks jdbc) {
        if (orm == null || jdbc == null) return "—";
        String o = orm.forks() + " / " + orm.samples();
        String j = jdbc.forks() + " / " + jdbc.samples();
        return o.equals(j) ? o : o + " (djorm), " + j + " (JDBC)";
    }

    private static String forkSpread(JmhResults.Forks f) {
        return f == null ? "—" : num(f.minForkMedian()) + " – " + num(f.maxForkMedian());
    }
}
