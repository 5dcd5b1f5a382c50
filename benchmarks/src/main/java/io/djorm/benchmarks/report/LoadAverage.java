package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, written beside every measurement so a reader can judge its noise. */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages, or "?" where the system does not show them. */
    public static String now() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.exists(loadavg)) return "?";
        String[] f = Files.readString(loadavg).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
