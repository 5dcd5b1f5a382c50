package io.djorm.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times two sides of one comparison (djorm and its raw replay) in short adjacent blocks, ordered
 * A B, B A, A B, B A ... (ABBA), and pairs each A block with the B block beside it. This VM has a slow
 * regime that lasts seconds and slows both sides alike (the same code 1.4x slower in CPU time); two
 * medians of separately timed stretches measure that regime as much as the code, while the ratio of
 * two blocks a few milliseconds apart cancels it. The ABBA order keeps a drift within a pair (the
 * server's tables growing under the writes, a collection coming) from always falling on the same side.
 */
final class PairedBlocks {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Per-block figures, per operation: wall and client-thread CPU milliseconds of each side. */
    record Result(double[] aMillis, double[] bMillis, double[] aCpu, double[] bCpu) {
        /** A over B, block by block. */
        double[] ratios() {
            double[] r = new double[aMillis.length];
            for (int i = 0; i < r.length; i++) r[i] = aMillis[i] / bMillis[i];
            return r;
        }

        /** A's CPU over B's CPU, block by block. */
        double[] cpuRatios() {
            double[] r = new double[aCpu.length];
            for (int i = 0; i < r.length; i++) r[i] = aCpu[i] / bCpu[i];
            return r;
        }
    }

    private PairedBlocks() {
    }

    /**
     * Runs {@code pairs} pairs of blocks of {@code opsPerBlock} runs of each side; {@code setup} runs
     * untimed before every run of either side.
     */
    static Result run(int pairs, int opsPerBlock, Runnable setup, Runnable a, Runnable b) {
        double[] aMs = new double[pairs];
        double[] bMs = new double[pairs];
        double[] aCpu = new double[pairs];
        double[] bCpu = new double[pairs];
        long[] out = new long[2];
        for (int i = 0; i < pairs; i++) {
            boolean aFirst = i % 2 == 0;
            block(opsPerBlock, setup, aFirst ? a : b, out);
            long firstWall = out[0];
            long firstCpu = out[1];
            block(opsPerBlock, setup, aFirst ? b : a, out);
            aMs[i] = (aFirst ? firstWall : out[0]) / 1e6 / opsPerBlock;
            aCpu[i] = (aFirst ? firstCpu : out[1]) / 1e6 / opsPerBlock;
            bMs[i] = (aFirst ? out[0] : firstWall) / 1e6 / opsPerBlock;
            bCpu[i] = (aFirst ? out[1] : firstCpu) / 1e6 / opsPerBlock;
        }
        return new Result(aMs, bMs, aCpu, bCpu);
    }

    /** Wall and CPU nanoseconds of {@code n} runs of {@code op}, without their setups, into {@code out}. */
    private static void block(int n, Runnable setup, Runnable op, long[] out) {
        long wall = 0;
        long cpu = 0;
        for (int i = 0; i < n; i++) {
            setup.run();
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            op.run();
            wall += System.nanoTime() - t;
            cpu += CPU.getCurrentThreadCpuTime() - c;
        }
        out[0] = wall;
        out[1] = cpu;
    }

    /** The median of the samples. */
    static double median(double[] samples) {
        return quantile(samples, 0.5);
    }

    /** The {@code q} quantile of the samples (linear between the two nearest ranks). */
    static double quantile(double[] samples, double q) {
        double[] s = samples.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    /** {@code median (p25-p75)} of ratios, e.g. {@code 1.02x (0.99-1.05)}. */
    static String ratioWithQuartiles(double[] ratios) {
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }
}
