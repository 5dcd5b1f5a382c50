package io.djorm.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The results of one or more JMH runs read from their JSON files ({@code -rf json}): per benchmark (and
 * parameter value) the minimum and the median of the sampled times, in the run's time unit. The samples
 * of every fork of every run are pooled, so that several runs of one fork each spread each benchmark's
 * forks over the whole measuring time instead of running them back to back. Each fork is also kept
 * apart, named by where it was read (file, the benchmark's entry in it, fork), so that a report can show
 * the spread of the fork medians and pair the forks of two benchmarks that ran side by side
 * ({@link SqliteForks} writes one file per round, each side's fork of a round beside the other's).
 */
final class JmhResults {
    /**
     * One benchmark's spread.
     *
     * @param min the fastest sample
     * @param median the median sample
     * @param lowerQuartile the 25th percentile of the samples
     * @param unit JMH's unit, e.g. {@code us/op}
     */
    record Spread(double min, double median, double lowerQuartile, String unit) {
    }

    /**
     * How a benchmark's samples split into forks.
     *
     * @param forks the forks pooled
     * @param samples the measured iterations pooled, over every fork
     * @param minForkMedian the lowest of the forks' own medians
     * @param maxForkMedian the highest of the forks' own medians
     */
    record Forks(int forks, int samples, double minForkMedian, double maxForkMedian) {
    }

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    /** Per benchmark, each fork's samples by the fork's place: file, entry of the benchmark in it, fork. */
    private final Map<String, Map<String, List<Double>>> forks = new LinkedHashMap<>();
    private int file;
    private final Map<String, String> units = new LinkedHashMap<>();
    private String jdk = "";

    private JmhResults() {
    }

    private void add(JsonNode root) {
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = b.get("params");
            if (params != null) {
                StringBuilder sb = new StringBuilder(name);
                params.fields().forEachRemaining(p -> sb.append('@').append(p.getValue().asText()));
                name = sb.toString();
            }
            String entry = file + "/" + entries.merge(name, 1, Integer::sum);
            add(name, entry, b.get("primaryMetric"));
            JsonNode secondary = b.get("secondaryMetrics");
            if (secondary != null) {
                String prefix = name + ":";
                secondary.fields().forEachRemaining(m -> add(prefix + m.getKey(), entry, m.getValue()));
            }
            jdk = b.get("vmName").asText() + " " + b.get("jdkVersion").asText();
        }
    }

    /** Adds a metric's samples: every iteration of every fork ({@code rawData}). */
    private void add(String name, String entry, JsonNode metric) {
        List<Double> into = samples.computeIfAbsent(name, k -> new ArrayList<>());
        Map<String, List<Double>> byFork = forks.computeIfAbsent(name, k -> new LinkedHashMap<>());
        int n = 0;
        for (JsonNode fork : metric.get("rawData")) {
            List<Double> own = new ArrayList<>();
            for (JsonNode iteration : fork) own.add(iteration.asDouble());
            into.addAll(own);
            byFork.put(entry + "/" + n++, own);
        }
        units.put(name, metric.get("scoreUnit").asText());
    }

    /** Reads JMH JSON result files, pooling the samples of runs of the same benchmarks. */
    static JmhResults read(List<Path> jsons) throws IOException {
        JmhResults r = new JmhResults();
        ObjectMapper mapper = new ObjectMapper();
        for (Path json : jsons) {
            r.add(mapper.readTree(json.toFile()));
            r.file++;
        }
        return r;
    }

    /** Reads one JMH JSON result file. */
    static JmhResults read(Path json) throws IOException {
        return read(List.of(json));
    }

    /**
     * The spread of {@code Class.method} (with {@code @param} values appended, and a secondary result's
     * label after a colon, such as {@code :cpu}), or null if it did not run.
     */
    Spread get(String name) {
        List<Double> values = samples.get(name);
        if (values == null || values.isEmpty()) return null;
        ListStatistics stats = stats(values);
        return new Spread(stats.getMin(), stats.getPercentile(50), stats.getPercentile(25), units.get(name));
    }

    /** How the samples of {@code name} (as for {@link #get}) split into forks, or null if it did not run. */
    Forks forks(String name) {
        Map<String, List<Double>> byFork = forks.get(name);
        if (byFork == null || byFork.isEmpty()) return null;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (List<Double> fork : byFork.values()) {
            double median = median(fork);
            lo = Math.min(lo, median);
            hi = Math.max(hi, median);
            n += fork.size();
        }
        return new Forks(byFork.size(), n, lo, hi);
    }

    /**
     * The median, over the forks of {@code numerator} and {@code denominator} read from the same place
     * (the same file, entry and fork: in {@link SqliteForks}' files, the two sides' forks of one round),
     * of the ratio of the two forks' medians; null when no fork has a partner.
     */
    Double pairedRatio(String numerator, String denominator) {
        Map<String, List<Double>> top = forks.get(numerator);
        Map<String, List<Double>> bottom = forks.get(denominator);
        if (top == null || bottom == null) return null;
        List<Double> ratios = new ArrayList<>();
        for (Map.Entry<String, List<Double>> fork : top.entrySet()) {
            List<Double> partner = bottom.get(fork.getKey());
            if (partner == null || partner.isEmpty() || fork.getValue().isEmpty()) continue;
            ratios.add(median(fork.getValue()) / median(partner));
        }
        return ratios.isEmpty() ? null : median(ratios);
    }

    private static double median(List<Double> values) {
        return stats(values).getPercentile(50);
    }

    // JMH's own statistics, so that one run's figures match the percentiles JMH prints for it.
    private static ListStatistics stats(List<Double> values) {
        ListStatistics stats = new ListStatistics();
        for (double v : values) stats.addValue(v);
        return stats;
    }

    /** The JVM the forks ran on. */
    String jdk() {
        return jdk;
    }
}
