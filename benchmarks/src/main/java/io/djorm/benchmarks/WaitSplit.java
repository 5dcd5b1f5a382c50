package io.djorm.benchmarks;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * One side's runs in a paired-block measurement, each split into its wall time and the part of it spent
 * waiting on HTTP ({@link HttpWaits}); the rest is the client's own work. Printed per pair, it shows
 * whether a pair's wall ratio came from the server's answers or from the client.
 */
final class WaitSplit {
    private final long[] wall;
    private final long[] waited;
    private final LongAdder waits;
    private int runs;

    WaitSplit(int capacity, LongAdder waits) {
        this.wall = new long[capacity];
        this.waited = new long[capacity];
        this.waits = waits;
    }

    /** {@code op}, recording each run's wall time and HTTP wait. */
    Runnable timing(Runnable op) {
        return () -> {
            long waitedBefore = waits.sum();
            long start = System.nanoTime();
            op.run();
            wall[runs] = System.nanoTime() - start;
            waited[runs++] = waits.sum() - waitedBefore;
        };
    }

    /**
     * Prints, pair by pair, both sides' mean wall, HTTP wait and own work per run, the pair's order (DR: djorm's
     * block first), then the geometric means of the wall and wait ratios over the DR and the RD pairs.
     */
    static void print(WaitSplit djorm, WaitSplit raw, int pairs, int perBlock, PairedBlocks.Result result) {
        double[] logWall = new double[2];
        double[] logWait = new double[2];
        for (int p = 0; p < pairs; p++) {
            double dWall = djorm.mean(djorm.wall, p, perBlock);
            double dWait = djorm.mean(djorm.waited, p, perBlock);
            double rWall = raw.mean(raw.wall, p, perBlock);
            double rWait = raw.mean(raw.waited, p, perBlock);
            logWall[p % 2] += Math.log(dWall / rWall);
            logWait[p % 2] += Math.log(dWait / rWait);
            System.out.printf(Locale.ROOT, "  pair %2d %s wall %.3f / %.3f = %.2f | HTTP wait %.3f / %.3f = %.2f | own work %.3f / %.3f%n",
                    p, p % 2 == 0 ? "DR" : "RD", dWall, rWall, dWall / rWall, dWait, rWait, dWait / rWait,
                    dWall - dWait, rWall - rWait);
        }
        int dr = (pairs + 1) / 2;
        int rd = pairs / 2;
        System.out.printf(Locale.ROOT, "  geometric mean ratios: DR pairs wall %.2f, HTTP wait %.2f; RD pairs wall %.2f,"
                        + " HTTP wait %.2f; wall paired median %s%n", Math.exp(logWall[0] / dr), Math.exp(logWait[0] / dr),
                Math.exp(logWall[1] / Math.max(1, rd)), Math.exp(logWait[1] / Math.max(1, rd)),
                PairedBlocks.ratioWithQuartiles(result.ratios()));
    }

    /** The mean, in ms, of one block's runs. */
    private double mean(long[] nanos, int block, int perBlock) {
        long sum = 0;
        for (int i = block * perBlock; i < (block + 1) * perBlock; i++) sum += nanos[i];
        return sum / 1e6 / perBlock;
    }
}
