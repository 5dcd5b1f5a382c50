package io.djorm.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/**
 * One operation's pairs summarised: each side's fastest and median CPU time per call over its slices, and
 * the median of the pairs' ratios (djorm over JDBC) with two measures of its spread: the quartiles of the
 * ratios, and a distribution-free 95% confidence interval of their median ({@link RatioSummary}).
 *
 * @param pairs how many pairs
 * @param djormMin djorm's fastest slice, nanoseconds per call
 * @param djormMedian djorm's median slice, nanoseconds per call
 * @param jdbcMin JDBC's fastest slice, nanoseconds per call
 * @param jdbcMedian JDBC's median slice, nanoseconds per call
 * @param ratio the median of the pair ratios
 * @param ratioQ1 the lower quartile of the pair ratios
 * @param ratioQ3 the upper quartile of the pair ratios
 * @param ratioLow the lower end of the 95% confidence interval of {@code ratio}
 * @param ratioHigh the upper end of the 95% confidence interval of {@code ratio}
 */
record PairedSummary(int pairs, double djormMin, double djormMedian, double jdbcMin, double jdbcMedian, double ratio,
                     double ratioQ1, double ratioQ3, double ratioLow, double ratioHigh) {
    /** Summarises pairs; there must be at least one. */
    static PairedSummary of(List<PairRunner.Pair> pairs) {
        if (pairs.isEmpty()) throw new IllegalArgumentException("no pairs to summarise");
        int n = pairs.size();
        double[] djorm = new double[n];
        double[] jdbc = new double[n];
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            djorm[i] = pairs.get(i).djormNanos();
            jdbc[i] = pairs.get(i).jdbcNanos();
            ratios[i] = pairs.get(i).ratio();
        }
        Arrays.sort(djorm);
        Arrays.sort(jdbc);
        RatioSummary r = RatioSummary.of(ratios);
        return new PairedSummary(n, djorm[0], RatioSummary.quantile(djorm, 0.5), jdbc[0], RatioSummary.quantile(jdbc, 0.5),
                r.median(), r.q1(), r.q3(), r.low(), r.high());
    }
}
