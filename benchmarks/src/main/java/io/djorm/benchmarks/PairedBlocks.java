package io.djorm.benchmarks;

import io.djorm.benchmarks.report.RatioSummary;
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
 *
 * <p>A block's place in its pair matters too: with the same code on both sides, the first block of a pair
 * ran 5-14% slower or faster than the second, in a direction that changed from run to run. Single-pair
 * ratios then form two clusters (A first, B first) and their median lands on the edge of one of them. So
 * each A-first pair is combined with the B-first pair after it, as the geometric mean of their two ratios:
 * a factor for going first multiplies one ratio and divides the other, and cancels.
 */
final class PairedBlocks {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Per-block figures, per operation: wall and client-thread CPU milliseconds of each side. */
    record Result(double[] aMillis, double[] bMillis, double[] aCpu, double[] bCpu) {
        /** A over B in wall time, one ratio per group of an A-first and a B-first pair. */
        double[] ratios() {
            return orderCancelled(aMillis, bMillis);
        }

        /** A's CPU over B's CPU, one ratio per group of an A-first and a B-first pair. */
        double[] cpuRatios() {
            return orderCancelled(aCpu, bCpu);
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

    /**
     * Per group of two consecutive pairs (pair {@code 2k} ran A first, pair {@code 2k+1} B first), the
     * geometric mean of their A/B ratios; an odd last pair has no partner and is left out.
     */
    static double[] orderCancelled(double[] a, double[] b) {
        double[] r = new double[a.length / 2];
        for (int g = 0; g < r.length; g++) {
            int i = 2 * g;
            r[g] = Math.sqrt((a[i] / b[i]) * (a[i + 1] / b[i + 1]));
        }
        return r;
    }

    /** The median of the samples. */
    static double median(double[] samples) {
        return quantile(samples, 0.5);
    }

    /** The {@code q} quantile of the samples (linear between the two nearest ranks). */
    static double quantile(double[] samples, double q) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return RatioSummary.quantile(s, q);
    }

    /** {@code median (p25-p75)} of ratios, e.g. {@code 1.02x (0.99-1.05)}. */
    static String ratioWithQuartiles(double[] ratios) {
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }
}
