package io.djorm.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark's worker thread spent per operation
 * ({@code -prof io.djorm.benchmarks.report.CpuTimeProfiler}, secondary result {@code :cpu}). On a shared,
 * overloaded machine the wall time of an operation mostly measures how long the thread waited for a
 * core; its CPU time does not, so ratios of CPU times stay comparable from run to run. Per-invocation
 * setup runs on the same thread and is counted too.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary result's label. */
    static final String LABEL = "cpu";
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        // Every operation the workers ran, also those outside the timed window (JMH keeps them busy while
        // it synchronizes the iteration's start and end), as their CPU time is all counted.
        long ops = result.getMetadata().getAllOps();
        double perOpMicros = ops == 0 ? Double.NaN : (workerCpuNanos() - before) / 1000.0 / ops;
        return List.of(new ScalarResult(LABEL, perOpMicros, "us/op", AggregationPolicy.AVG));
    }

    private long workerCpuNanos() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().contains("jmh-worker")) continue;
            long cpu = threads.getThreadCpuTime(t.getId());
            if (cpu > 0) sum += cpu;
        }
        return sum;
    }
}
