package io.djorm.benchmarks.report;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one operation's two sides (djorm and hand-written JDBC) as pairs of short slices in one JVM and
 * records the thread's CPU time per call of each slice. This virtual machine switches between a fast and a
 * slow regime for seconds at a time (the same code's CPU time per call jumps by half, on both sides); two
 * slices run back to back almost always fall in the same regime, so the ratio of a pair cancels it, where
 * the ratio of two separately sampled medians depends on how many slow samples each side happened to get.
 *
 * <p>Warm-up alternates slices of the two sides for at least the given time and until the JIT has compiled
 * nothing for {@link #JIT_QUIET_NANOS} (its total compilation time stopped growing), or a cap, so that
 * both sides are measured compiled. A method that runs once per call (building the query, looking the
 * statement up) is compiled by C2 only after C2's invocation threshold of calls
 * ({@code Tier4InvocationThreshold}, 5,000), so an operation of milliseconds keeps the JIT busy until each
 * side has made that many (prefetchRelated, 2.5 ms a call, sides taking turns: about 25 s). When both
 * sides can make that many calls within the ceiling (ten times the minimum, which ends any warm-up), at
 * the pace they have kept so far, a quiet JIT counts only once they have (before, a loaded machine that
 * left the compiler thread without CPU for a second ended prefetchRelated's warm-up at 11 s), and the cap,
 * three times the minimum, applies only once they made twice as many (a cap in seconds alone cut
 * prefetchRelated's warm-up off at 18 s while those compilations were still coming). Slower operations,
 * whose once-per-call code is a negligible part of a call, keep the plain rule. Each slice starts with the side's per-slice setup (JMH's
 * {@code Level.Iteration}) and one untimed call: the two sides write through different connections, and
 * a connection that finds the file changed by the other starts with an empty page cache, a cost of
 * switching sides that neither side pays in a JMH fork of its own. Slices are timed whole; sides with a
 * per-invocation setup (JMH's {@code Level.Invocation}) take turns call by call instead, each call timed
 * alone and its setup outside (see {@link #pairs}).
 */
public final class PairRunner {
    /** The JIT must have been idle this long before warm-up may end. */
    static final long JIT_QUIET_NANOS = 1_000_000_000L;
    /** Warm-up may stop at this many times its minimum, busy JIT or not, once each side made twice C2's threshold of calls. */
    private static final int WARM_UP_CAP = 3;
    /** Warm-up never runs longer than this many times its minimum. */
    private static final int WARM_UP_CEILING = 10;
    /** The result of every call goes here, so that the JIT cannot drop the work. */
    private static volatile Object sink;

    /** An untimed step: setup before a slice or a call. */
    @FunctionalInterface
    public interface Step {
        /** Runs the step. */
        void run() throws Exception;
    }

    /** The timed call of a side. */
    @FunctionalInterface
    public interface Call {
        /** Runs the operation once and returns its result. */
        Object run() throws Exception;
    }

    /**
     * One side of an operation, as JMH calls a benchmark method.
     *
     * @param beforeSlice untimed, before every slice (JMH's {@code Level.Iteration} setup)
     * @param beforeCall untimed, before every call, or null (JMH's {@code Level.Invocation} setup)
     * @param call the benchmark method
     */
    public record Side(Step beforeSlice, Step beforeCall, Call call) {
    }

    /**
     * One measured pair: each side's CPU time per call over its slice.
     *
     * @param djormFirst whether the djorm slice ran first
     * @param djormNanos djorm's CPU nanoseconds per call
     * @param jdbcNanos JDBC's CPU nanoseconds per call
     */
    public record Pair(boolean djormFirst, double djormNanos, double jdbcNanos) {
        /** djorm's time over JDBC's. */
        public double ratio() {
            return djormNanos / jdbcNanos;
        }
    }

    /**
     * What the warm-up did.
     *
     * @param seconds wall seconds it ran
     * @param jitQuiet whether it ended because the JIT had gone quiet (rather than at the cap)
     */
    public record WarmUp(double seconds, boolean jitQuiet) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long sliceNanos;
    private final int[] callsPerSlice = {1, 1};
    /** C2's invocation threshold: the calls a side makes before code it runs once per call can be compiled. */
    private final long c2Threshold = c2InvocationThreshold();

    /** @param sliceMillis the thread CPU time each slice aims at */
    public PairRunner(long sliceMillis) {
        this.sliceNanos = sliceMillis * 1_000_000;
    }

    /** Which side runs first in pair {@code index}: djorm, then JDBC, then JDBC, then djorm (ABBA). */
    static boolean djormFirst(int index) {
        return index % 2 == 0;
    }

    /**
     * Whether call {@code i} of an interleaved pair is djorm's: ABBA, djorm on calls 0, 3, 4, 7, 8, ... when it
     * goes first, on 1, 2, 5, 6, ... when JDBC does; each two calls from an even index are one of each side.
     */
    static boolean djormTurn(int i, boolean djormFirst) {
        return ((i + 1) / 2 % 2 == 0) == djormFirst;
    }

    /** Alternates slices of both sides for at least {@code minSeconds} and until the JIT is quiet (or a cap, see above). */
    public WarmUp warmUp(Side djorm, Side jdbc, double minSeconds) throws Exception {
        long start = System.nanoTime();
        long min = (long) (minSeconds * 1e9);
        long lastCompile = start;
        long compiled = jit.getTotalCompilationTime();
        long[] calls = new long[2];
        for (int i = 0; ; i++) {
            calls[0] += calibrate(0, djorm);
            calls[1] += calibrate(1, jdbc);
            long now = System.nanoTime();
            long total = jit.getTotalCompilationTime();
            if (total != compiled) {
                compiled = total;
                lastCompile = now;
            }
            boolean quiet = now - lastCompile >= JIT_QUIET_NANOS;
            if (warmUpEnds(now - start, min, quiet, Math.min(calls[0], calls[1]), c2Threshold)) {
                return new WarmUp((now - start) / 1e9, quiet);
            }
        }
    }

    /**
     * Whether a warm-up that ran {@code elapsed} ns (its minimum {@code min}) ends, the side with fewer calls
     * having made {@code fewestCalls}: past the ceiling; or, when that side cannot make {@code c2Threshold}
     * calls by the ceiling at its pace so far, the JIT is quiet after the minimum or it is past the cap;
     * otherwise, the JIT is quiet after the minimum and that side made {@code c2Threshold} calls, or it is past
     * the cap and that side made twice as many.
     */
    static boolean warmUpEnds(long elapsed, long min, boolean quiet, long fewestCalls, long c2Threshold) {
        long ceiling = WARM_UP_CEILING * min;
        if (elapsed >= ceiling) return true;
        long byCeiling = (long) ((double) fewestCalls * ceiling / Math.max(1, elapsed));
        boolean waitForC2 = byCeiling >= c2Threshold;
        if (elapsed >= min && quiet && (!waitForC2 || fewestCalls >= c2Threshold)) return true;
        return elapsed >= WARM_UP_CAP * min && (!waitForC2 || fewestCalls >= 2 * c2Threshold);
    }

    /** C2's {@code Tier4InvocationThreshold} in this JVM (5,000 unless set otherwise). */
    private static long c2InvocationThreshold() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Long.parseLong(vm.getVMOption("Tier4InvocationThreshold").getValue());
        } catch (RuntimeException notHotSpot) {
            return 5_000;
        }
    }

    /**
     * Runs a slice of a side and sets its calls per slice so that the next takes about a slice's CPU time;
     * answers how many calls the slice made, the untimed first one included.
     */
    private long calibrate(int index, Side side) throws Exception {
        int calls = callsPerSlice[index];
        double perCall = slice(side, calls);
        callsPerSlice[index] = (int) Math.max(1, Math.min(1_000_000, Math.round(sliceNanos / Math.max(perCall, 1))));
        return calls + 1L;
    }

    /**
     * Runs {@code count} pairs after the warm-up, alternating which side goes first. Sides with a setup
     * before every call are interleaved call by call within a pair instead (see {@link #interleaved}).
     */
    public List<Pair> pairs(Side djorm, Side jdbc, int count) throws Exception {
        List<Pair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean djormFirst = djormFirst(i);
            if (djorm.beforeCall() != null && jdbc.beforeCall() != null) {
                pairs.add(interleaved(djorm, jdbc, Math.min(callsPerSlice[0], callsPerSlice[1]), djormFirst));
                continue;
            }
            double first = djormFirst ? slice(djorm, callsPerSlice[0]) : slice(jdbc, callsPerSlice[1]);
            double second = djormFirst ? slice(jdbc, callsPerSlice[1]) : slice(djorm, callsPerSlice[0]);
            pairs.add(djormFirst ? new Pair(true, first, second) : new Pair(false, second, first));
        }
        return pairs;
    }

    /**
     * One pair of sides that set up every call (the delete's fill): {@code calls} calls of each, the sides
     * taking turns call by call (djorm, JDBC, JDBC, djorm, ... from {@code djormFirst}), each call timed
     * alone. The setup dominates such a slice's wall time (the fill costs more than the delete), so two
     * slices back to back would span a second or more and often straddle a change of regime; taking turns
     * puts both sides' calls in the same fraction of a second. The setup goes through the side's own
     * connection, so it, not the timed call, pays for finding the file changed by the other side.
     */
    private Pair interleaved(Side djorm, Side jdbc, int calls, boolean djormFirst) throws Exception {
        djorm.beforeSlice().run();
        jdbc.beforeSlice().run();
        long[] cpu = new long[2];
        for (int i = 0; i < 2 * calls; i++) {
            boolean djormTurn = djormTurn(i, djormFirst);
            Side side = djormTurn ? djorm : jdbc;
            side.beforeCall().run();
            long start = threads.getCurrentThreadCpuTime();
            sink = side.call().run();
            cpu[djormTurn ? 0 : 1] += threads.getCurrentThreadCpuTime() - start;
        }
        return new Pair(djormFirst, (double) cpu[0] / calls, (double) cpu[1] / calls);
    }

    /** One slice of {@code calls} calls: the thread's CPU nanoseconds per call. */
    private double slice(Side side, int calls) throws Exception {
        side.beforeSlice().run();
        if (side.beforeCall() != null) side.beforeCall().run();
        sink = side.call().run();
        long cpu = 0;
        if (side.beforeCall() == null) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) sink = side.call().run();
            cpu = threads.getCurrentThreadCpuTime() - start;
        } else {
            for (int i = 0; i < calls; i++) {
                side.beforeCall().run();
                long start = threads.getCurrentThreadCpuTime();
                sink = side.call().run();
                cpu += threads.getCurrentThreadCpuTime() - start;
            }
        }
        return (double) cpu / calls;
    }
}
