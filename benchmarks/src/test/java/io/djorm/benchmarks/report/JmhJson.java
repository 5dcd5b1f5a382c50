package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/** Writes JMH JSON result files ({@code -rf json}) with chosen samples, for the report tests. */
final class JmhJson {
    private final StringJoiner entries = new StringJoiner(",\n", "[\n", "\n]\n");

    /**
     * Adds one benchmark entry: {@code wall[f]} and {@code cpu[f]} are fork {@code f}'s measured
     * iterations, as JMH writes them in {@code rawData}.
     */
    JmhJson benchmark(String method, double[][] wall, double[][] cpu) {
        entries.add("""
                {"jmhVersion": "1.37", "benchmark": "io.djorm.benchmarks.sqlite.%s", "mode": "avgt", "forks": %d,
                 "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
                 "primaryMetric": {"score": 0, "scoreUnit": "us/op", "rawData": %s},
                 "secondaryMetrics": {"cpu": {"score": 0, "scoreUnit": "us/op", "rawData": %s}}}"""
                .formatted(method, wall.length, raw(wall), raw(cpu)));
        return this;
    }

    Path write(Path file) throws IOException {
        Files.writeString(file, entries.toString());
        return file;
    }

    private static String raw(double[][] forks) {
        StringJoiner all = new StringJoiner(", ", "[", "]");
        for (double[] fork : forks) {
            StringJoiner one = new StringJoiner(", ", "[", "]");
            for (double v : fork) one.add(String.format(Locale.ROOT, "%s", v));
            all.add(one.toString());
        }
        return all.toString();
    }
}
