package io.djorm.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Times two sides of one comparison (djorm and its raw replay) operation by operation: within a block the
 * sides take turns, one operation each per step, the order of a step alternating (A B, B A, A B, ...: the
 * operations run A B B A A B ...), and a block's ratio is the sum of A's times over the sum of B's. Both
 * sides of a block thus sample the same states of the machine and of the server at the scale of one
 * operation (a millisecond), where the earlier paired blocks (ABBA) compared two whole blocks of about 20 ms each, far
 * enough apart for this VM's slow spells and the server's answer time to move between them.
 *
 * <p>What keeps it fair:
 * <ul>
 *   <li><b>Going first cancels.</b> A block has an even number of steps, half of them A first and half B
 *       first, so whatever the first operation of a step pays or gains (a cache the other side cooled, a
 *       connection idle a moment longer) falls on both sides equally, within every block. Blocks start
 *       with A and with B in turn.</li>
 *   <li><b>Setup stays untimed.</b> {@code setup} (for the cascade, making the deleted rows again) runs
 *       before every operation of either side, outside its timing.</li>
 *   <li><b>Each side keeps its own client.</b> djorm runs on its own OkHttp client and connection, the
 *       replay on another ({@link RequestRecorder}); neither's connection idles longer than one operation
 *       of the other side, well inside djorm's 100 ms window for trusting a kept-alive connection.</li>
 *   <li><b>Garbage collection lands where it is earned, on average.</b> A young collection starts when
 *       an allocation finds the young space full, so a pause falls on the side whose allocation filled it,
 *       with a probability in proportion to each side's allocation; a side that allocates more pays for
 *       more pauses, as it would alone. A single pause is large against one block (about 10 ms against a
 *       block of 50 ms), which is why the estimate is the median of the blocks' ratios.</li>
 *   <li><b>The clocks cost both sides alike.</b> Each operation is bracketed by a read of the wall clock
 *       and of the thread's CPU clock (about a microsecond each), which adds the same to both sums.</li>
 * </ul>
 *
 * <p>Several comparisons can run side by side, block by block (block {@code i} of the first, block
 * {@code i} of the second, ..., then block {@code i + 1}): so an A/A control (the same side in both slots)
 * samples the same stretch of the run as the A/B comparison it calibrates.
 *
 * <p>{@code -DopTimes=FILE} writes every timed operation to {@code FILE}, one line each: comparison,
 * block, step, side (1 for A), wall and CPU nanoseconds, and the client's garbage collections during it.
 * That is how a stall of the server (a slow operation every so many, on either side) is told from a cost
 * of one side.
 */
final class InterleavedPairs {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final OpLog OP_LOG = OpLog.open(System.getProperty("opTimes"));

    /** The clocks read around each operation. */
    interface Clock {
        /** The thread's clock, in nanoseconds: wall and client-thread CPU time. */
        Clock THREAD = new Clock() {
            @Override
            public long wallNanos() {
                return System.nanoTime();
            }

            @Override
            public long cpuNanos() {
                return CPU.getCurrentThreadCpuTime();
            }
        };

        long wallNanos();

        long cpuNanos();
    }

    /** Two sides compared, A over B. */
    record Sides(Runnable a, Runnable b) {
    }

    /**
     * One comparison's blocks: per block, the sums over its {@code steps} operations of each side of its
     * wall and client-thread CPU nanoseconds.
     */
    record Blocks(int steps, long[] aWall, long[] bWall, long[] aCpu, long[] bCpu) {
        /** A's wall time over B's, one ratio per block. */
        double[] wallRatios() {
            return ratios(aWall, bWall);
        }

        /** A's CPU time over B's, one ratio per block. */
        double[] cpuRatios() {
            return ratios(aCpu, bCpu);
        }

        /** Milliseconds per operation, one figure per block, of {@code side} (e.g. {@link #aWall}). */
        double[] millisPerOp(long[] side) {
            double[] out = new double[side.length];
            for (int i = 0; i < out.length; i++) out[i] = side[i] / 1e6 / steps;
            return out;
        }

        private static double[] ratios(long[] a, long[] b) {
            double[] r = new double[a.length];
            for (int i = 0; i < r.length; i++) r[i] = (double) a[i] / b[i];
            return r;
        }
    }

    private InterleavedPairs() {
    }

    /**
     * Runs {@code blocks} blocks of each comparison, the comparisons' blocks taking turns; each block is
     * {@code steps} steps (rounded up to an even number) of one operation of each side.
     */
    static List<Blocks> run(int blocks, int steps, Runnable setup, List<Sides> comparisons) {
        return run(blocks, steps, setup, comparisons, Clock.THREAD);
    }

    static List<Blocks> run(int blocks, int steps, Runnable setup, List<Sides> comparisons, Clock clock) {
        int even = steps + steps % 2;
        List<Blocks> out = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            out.add(new Blocks(even, new long[blocks], new long[blocks], new long[blocks], new long[blocks]));
        }
        long[] timed = new long[2];
        for (int i = 0; i < blocks; i++) {
            for (int c = 0; c < comparisons.size(); c++) {
                Sides sides = comparisons.get(c);
                Blocks into = out.get(c);
                for (int step = 0; step < even; step++) {
                    boolean aFirst = (i + step) % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean a = aFirst == (turn == 0);
                        long collections = OP_LOG == null ? 0 : OpLog.collections();
                        time(setup, a ? sides.a() : sides.b(), clock, timed);
                        if (OP_LOG != null) OP_LOG.write(c, i, step, a, timed, OpLog.collections() - collections);
                        (a ? into.aWall() : into.bWall())[i] += timed[0];
                        (a ? into.aCpu() : into.bCpu())[i] += timed[1];
                    }
                }
            }
        }
        return out;
    }

    /** Wall and CPU nanoseconds of one run of {@code op}, after its untimed {@code setup}, into {@code out}. */
    private static void time(Runnable setup, Runnable op, Clock clock, long[] out) {
        setup.run();
        long cpu = clock.cpuNanos();
        long wall = clock.wallNanos();
        op.run();
        out[0] = clock.wallNanos() - wall;
        out[1] = clock.cpuNanos() - cpu;
    }

    /** The lines of {@code -DopTimes}, flushed when the JVM exits. */
    private static final class OpLog {
        private final PrintStream out;

        private OpLog(PrintStream out) {
            this.out = out;
        }

        static OpLog open(String file) {
            if (file == null) return null;
            try {
                PrintStream out = new PrintStream(
                        new BufferedOutputStream(new FileOutputStream(file), 1 << 20), false);
                Runtime.getRuntime().addShutdownHook(new Thread(out::flush));
                return new OpLog(out);
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The client's garbage collections so far, all collectors. */
        static long collections() {
            long n = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) n += gc.getCollectionCount();
            return n;
        }

        void write(int comparison, int block, int step, boolean a, long[] timed, long collections) {
            out.printf("%d %d %d %d %d %d %d%n", comparison, block, step, a ? 1 : 0, timed[0], timed[1], collections);
        }
    }
}
