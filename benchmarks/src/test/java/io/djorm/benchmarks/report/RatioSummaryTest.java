package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioSummaryTest {
    @Test
    void quartilesInterpolateBetweenTheNearestValues() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(RatioSummary.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(RatioSummary.quantile(sorted, 0.25)).isEqualTo(1.75);
        assertThat(RatioSummary.quantile(sorted, 0.75)).isEqualTo(3.25);
        assertThat(RatioSummary.quantile(new double[] {7}, 0.25)).isEqualTo(7);
    }

    @Test
    void theIntervalOfTheMedianUsesTheTabulatedOrderStatistics() {
        // 95% intervals for the median, 1-based ranks from binomial tables: n=10 (2, 9), n=20 (6, 15),
        // n=60 (22, 39), n=100 (40, 61); below six values not even the extremes reach 95%.
        assertThat(RatioSummary.medianInterval(10)).isEqualTo(1);
        assertThat(RatioSummary.medianInterval(20)).isEqualTo(5);
        assertThat(RatioSummary.medianInterval(60)).isEqualTo(21);
        assertThat(RatioSummary.medianInterval(100)).isEqualTo(39);
        assertThat(RatioSummary.medianInterval(3)).isZero();
    }

    @Test
    void summarisesUnsortedRatiosWithoutReorderingTheCallersArray() {
        double[] ratios = new double[20];
        // 1.19, 1.18, ..., 1.00: the 6th and 15th smallest are 1.05 and 1.14
        for (int i = 0; i < ratios.length; i++) ratios[i] = 1.19 - i * 0.01;

        RatioSummary s = RatioSummary.of(ratios);

        assertThat(s.count()).isEqualTo(20);
        assertThat(s.median()).isCloseTo(1.095, within(1e-9));
        assertThat(s.low()).isCloseTo(1.05, within(1e-9));
        assertThat(s.high()).isCloseTo(1.14, within(1e-9));
        assertThat(s.q1()).isCloseTo(1.0475, within(1e-9));
        assertThat(s.q3()).isCloseTo(1.1425, within(1e-9));
        assertThat(ratios[0]).isEqualTo(1.19);
    }

    @Test
    void readsAsMedianThenIntervalThenQuartiles() {
        assertThat(RatioSummary.of(new double[] {1.04, 1.00, 1.02}).format()).isEqualTo("1.02x [1.00-1.04] (1.01-1.03)");
    }

    @Test
    void refusesToSummariseNothing() {
        assertThatThrownBy(() -> RatioSummary.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
