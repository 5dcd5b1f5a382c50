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
 * forks over the whole measuring time instead of running them back to back.
 */
final class JmhResults {
    /**
     * One benchmark's spread.
     *
     * @param min the fastest sample
     * @param median the median sample
     * @param unit JMH's unit, e.g. {@code us/op}
     */
    record Spread(double min, double median, String unit) {
    }

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private String jdk = "";

    private JmhResults() {
    }

    private void add(JsonNode root) {
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = b.get("params");
            if (params != null) {
                StringBuilder sb = new StringBuilder(name);
                params.fields().forEachRemaining(p -> sb.append('@').append(p.getValue().asText()));
                name = sb.toString();
            }
            add(name, b.get("primaryMetric"));
            JsonNode secondary = b.get("secondaryMetrics");
            if (secondary != null) {
                String prefix = name + ":";
                secondary.fields().forEachRemaining(m -> add(prefix + m.getKey(), m.getValue()));
            }
            jdk = b.get("vmName").asText() + " " + b.get("jdkVersion").asText();
        }
    }

    /** Adds a metric's samples: every iteration of every fork ({@code rawData}). */
    private void add(String name, JsonNode metric) {
        List<Double> into = samples.computeIfAbsent(name, k -> new ArrayList<>());
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode iteration : fork) into.add(iteration.asDouble());
        }
        units.put(name, metric.get("scoreUnit").asText());
    }

    /** Reads JMH JSON result files, pooling the samples of runs of the same benchmarks. */
    static JmhResults read(List<Path> jsons) throws IOException {
        JmhResults r = new JmhResults();
        ObjectMapper mapper = new ObjectMapper();
        for (Path json : jsons) r.add(mapper.readTree(json.toFile()));
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
        // JMH's own statistics, so that one run's figures match the percentiles JMH prints for it.
        ListStatistics stats = new ListStatistics();
        for (double v : values) stats.addValue(v);
        return new Spread(stats.getMin(), stats.getPercentile(50), units.get(name));
    }

    /** The JVM the forks ran on. */
    String jdk() {
        return jdk;
    }
}
