package io.djorm.benchmarks.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Paired ratios summarised: their median, their quartiles, and a distribution-free 95% confidence
 * interval of the median (two order statistics of the sorted ratios, chosen from the binomial
 * distribution: no assumption on the shape of the ratios, and the same figures every time the same
 * ratios are summarised). The one estimator of every paired figure, for the SQLite pairs
 * ({@link PairedSummary}) and the remote blocks alike.
 *
 * @param count how many ratios
 * @param median the median of the ratios
 * @param q1 the lower quartile of the ratios
 * @param q3 the upper quartile of the ratios
 * @param low the lower end of the 95% confidence interval of {@code median}
 * @param high the upper end of the 95% confidence interval of {@code median}
 */
public record RatioSummary(int count, double median, double q1, double q3, double low, double high) {
    /** The confidence of {@link #low} .. {@link #high}. */
    public static final double CONFIDENCE = 0.95;

    /** Summarises ratios; there must be at least one. */
    public static RatioSummary of(double[] ratios) {
        if (ratios.length == 0) throw new IllegalArgumentException("no ratios to summarise");
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = medianInterval(n);
        return new RatioSummary(n, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[k],
                sorted[n - 1 - k]);
    }

    /** {@code median [low-high] (q1-q3)}, e.g. {@code 1.02x [1.00-1.04] (0.97-1.06)}. */
    public String format() {
        return String.format(Locale.ROOT, "%.2fx [%.2f-%.2f] (%.2f-%.2f)", median, low, high, q1, q3);
    }

    /** The {@code p} quantile of sorted values, interpolated between the two nearest (R's and NumPy's default). */
    public static double quantile(double[] sorted, double p) {
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
