package io.djorm.benchmarks;

import java.util.Arrays;

/** Runs a task several times after warm-up and reports the median wall time. */
final class Timer {
    private Timer() {
    }

    /** Median milliseconds of {@code runs} measured runs after {@code warmups} unmeasured ones. */
    static double medianMillis(int warmups, int runs, Runnable task) {
        for (int i = 0; i < warmups; i++) task.run();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
