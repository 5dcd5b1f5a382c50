package io.djorm.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/**
 * One operation's pairs summarised: each side's fastest and median CPU time per call over its slices, and
 * the median of the pairs' ratios (djorm over JDBC) with two measures of its spread: the quartiles of the
 * ratios, and a distribution-free 95% confidence interval of their median (two order statistics of the
 * sorted ratios, chosen from the binomial distribution: no assumption on the shape of the ratios, and the
 * same figures every time the same pairs are summarised).
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
    /** The confidence of {@link #ratioLow} .. {@link #ratioHigh}. */
    static final double CONFIDENCE = 0.95;

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
        Arrays.sort(ratios);
        int k = medianInterval(n);
        return new PairedSummary(n, djorm[0], quantile(djorm, 0.5), jdbc[0], quantile(jdbc, 0.5), quantile(ratios, 0.5),
                quantile(ratios, 0.25), quantile(ratios, 0.75), ratios[k], ratios[n - 1 - k]);
    }

    /** The {@code p} quantile of sorted values, interpolated between the two nearest (R's and NumPy's default). */
    static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /**
     * The 0-based index {@code k} such that the values at {@code k} and {@code n-1-k} of {@code n} sorted
     * values enclose the population median with at least {@link #CONFIDENCE}: the largest {@code k} with
     * P(Binomial(n, 1/2) <= k) <= (1 - confidence) / 2; 0 (the extremes, with less confidence) when {@code n}
     * is too small for that.
     */
    static int medianInterval(int n) {
        double tail = (1 - CONFIDENCE) / 2;
        double cumulative = 0;
        int k = 0;
        // P(X = i) for X ~ Binomial(n, 1/2), in logarithms so that large n does not underflow.
        for (int i = 0; i < n / 2; i++) {
            cumulative += Math.exp(logChoose(n, i) - n * Math.log(2));
            if (cumulative > tail) break;
            k = i;
        }
        return k;
    }

    private static double logChoose(int n, int i) {
        double sum = 0;
        for (int j = 0; j < i; j++) sum += Math.log(n - j) - Math.log(j + 1);
        return sum;
    }
}
