package io.djorm.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of one JMH run read from its JSON file ({@code -rf json}): per benchmark (and parameter
 * value) the minimum and the median of the sampled times, in the run's time unit.
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

    private final Map<String, Spread> byName = new LinkedHashMap<>();
    private final String jdk;

    private JmhResults(JsonNode root) {
        String vm = "";
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = b.get("params");
            if (params != null) {
                StringBuilder sb = new StringBuilder(name);
                params.fields().forEachRemaining(p -> sb.append('@').append(p.getValue().asText()));
                name = sb.toString();
            }
            byName.put(name, spread(b.get("primaryMetric")));
            JsonNode secondary = b.get("secondaryMetrics");
            if (secondary != null) {
                String prefix = name + ":";
                secondary.fields().forEachRemaining(m -> byName.put(prefix + m.getKey(), spread(m.getValue())));
            }
            vm = b.get("vmName").asText() + " " + b.get("jdkVersion").asText();
        }
        this.jdk = vm;
    }

    private static Spread spread(JsonNode metric) {
        JsonNode pct = metric.get("scorePercentiles");
        return new Spread(pct.get("0.0").asDouble(), pct.get("50.0").asDouble(), metric.get("scoreUnit").asText());
    }

    /** Reads a JMH JSON result file. */
    static JmhResults read(Path json) throws IOException {
        return new JmhResults(new ObjectMapper().readTree(json.toFile()));
    }

    /**
     * The spread of {@code Class.method} (with {@code @param} values appended, and a secondary result's
     * label after a colon, such as {@code :cpu}), or null if it did not run.
     */
    Spread get(String name) {
        return byName.get(name);
    }

    /** The JVM the forks ran on. */
    String jdk() {
        return jdk;
    }
}
