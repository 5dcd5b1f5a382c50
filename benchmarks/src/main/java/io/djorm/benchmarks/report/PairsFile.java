package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw pairs of a {@link SqlitePairs} run as a text file, so that a table can be written again from the
 * same measurement: {@code # key: value} lines about the run (start, end, load average, machine, command),
 * {@code # warm-up <operation>: <seconds> <quiet|cap>} per operation, then one line per pair: operation,
 * pair index, which side ran first, djorm's and JDBC's CPU nanoseconds per call.
 */
final class PairsFile {
    private static final String WARM_UP = "warm-up ";
    /** Facts about the run, in the order they were written. */
    final Map<String, String> run = new LinkedHashMap<>();
    /** Per operation, its warm-up. */
    final Map<String, PairRunner.WarmUp> warmUps = new LinkedHashMap<>();
    /** Per operation, its pairs in the order they ran. */
    final Map<String, List<PairRunner.Pair>> pairs = new LinkedHashMap<>();

    /** The lines of one operation's measurement, as {@link #parse} reads them. */
    static List<String> lines(String operation, PairRunner.WarmUp warmUp, List<PairRunner.Pair> pairs) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# %s%s: %.1f %s", WARM_UP, operation, warmUp.seconds(),
                warmUp.jitQuiet() ? "quiet" : "cap"));
        for (int i = 0; i < pairs.size(); i++) {
            PairRunner.Pair p = pairs.get(i);
            lines.add(String.format(Locale.ROOT, "%s,%d,%s,%.1f,%.1f", operation, i, p.djormFirst() ? "djorm" : "jdbc",
                    p.djormNanos(), p.jdbcNanos()));
        }
        return lines;
    }

    /** Reads the file. */
    static PairsFile read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static PairsFile parse(List<String> lines) {
        PairsFile f = new PairsFile();
        for (String line : lines) {
            if (line.isBlank()) continue;
            if (line.startsWith("# ")) {
                int colon = line.indexOf(": ");
                if (colon < 0) continue;
                String key = line.substring(2, colon);
                String value = line.substring(colon + 2);
                if (key.startsWith(WARM_UP)) {
                    String[] v = value.split(" ");
                    f.warmUps.put(key.substring(WARM_UP.length()), new PairRunner.WarmUp(Double.parseDouble(v[0]),
                            v[1].equals("quiet")));
                } else {
                    f.run.put(key, value);
                }
                continue;
            }
            String[] v = line.split(",");
            f.pairs.computeIfAbsent(v[0], k -> new ArrayList<>()).add(new PairRunner.Pair(v[2].equals("djorm"),
                    Double.parseDouble(v[3]), Double.parseDouble(v[4])));
        }
        return f;
    }
}
