package io.djorm.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The spread of repeated timings of one task: the fastest run and the median run, in milliseconds per
 * operation. The minimum is the least noisy figure on a shared machine; the median shows what a
 * typical run costs.
 */
record Spread(double min, double median) {
    /** Runs {@code task} {@code warmups} times unmeasured, then {@code runs} times measured; divides by {@code opsPerRun}. */
    static Spread measure(int warmups, int runs, int opsPerRun, Runnable task) {
        for (int i = 0; i < warmups; i++) task.run();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - t) / 1e6 / opsPerRun;
        }
        return of(times);
    }

    /** The spread of the given samples. */
    static Spread of(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Spread(sorted[0], sorted[sorted.length / 2]);
    }

    /** This spread divided by another, minimum by minimum and median by median. */
    Spread over(Spread other) {
        return new Spread(min / other.min, median / other.median);
    }

    /** {@code min / median} with the given number of decimals. */
    String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " / " + f, min, median);
    }

    /** {@code min / median} as ratios, e.g. {@code 1.02x / 1.05x}. */
    String ratio() {
        return String.format(Locale.ROOT, "%.2fx / %.2fx", min, median);
    }
}
