package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedSummaryTest {
    private static PairRunner.Pair pair(double djorm, double jdbc) {
        return new PairRunner.Pair(true, djorm, jdbc);
    }

    @Test
    void takesTheMedianOfThePairRatiosNotTheRatioOfTheSidesMedians() {
        // Two fast pairs and three slow ones: every pair is 1.10x, but djorm drew more slow slices than JDBC
        // would have drawn had the sides been sampled apart, and the sides' medians alone would say 1.5x.
        List<PairRunner.Pair> pairs = List.of(pair(110, 100), pair(165, 150), pair(165, 150), pair(110, 100),
                pair(165, 150));

        PairedSummary s = PairedSummary.of(pairs);

        assertThat(s.ratio()).isCloseTo(1.10, within(1e-9));
        assertThat(s.ratioQ1()).isCloseTo(1.10, within(1e-9));
        assertThat(s.ratioQ3()).isCloseTo(1.10, within(1e-9));
        assertThat(s.djormMin()).isEqualTo(110);
        assertThat(s.djormMedian()).isEqualTo(165);
        assertThat(s.jdbcMin()).isEqualTo(100);
        assertThat(s.jdbcMedian()).isEqualTo(150);
        assertThat(s.pairs()).isEqualTo(5);
    }

    @Test
    void aPairStraddlingAChangeOfRegimeMovesTheQuartilesButNotTheMedian() {
        List<PairRunner.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 9; i++) pairs.add(pair(105, 100));
        pairs.add(pair(160, 100));

        PairedSummary s = PairedSummary.of(pairs);

        assertThat(s.ratio()).isCloseTo(1.05, within(1e-9));
        assertThat(s.ratioHigh()).isCloseTo(1.05, within(1e-9));
    }

    @Test
    void theIntervalIsReadFromTheSortedRatios() {
        List<PairRunner.Pair> pairs = new ArrayList<>();
        // ratios 1.00, 1.01, ..., 1.09, given out of order
        for (int i = 9; i >= 0; i--) pairs.add(pair(100 + i, 100));

        PairedSummary s = PairedSummary.of(pairs);

        assertThat(s.ratioLow()).isCloseTo(1.01, within(1e-9));
        assertThat(s.ratioHigh()).isCloseTo(1.08, within(1e-9));
        assertThat(s.ratio()).isCloseTo(1.045, within(1e-9));
    }

    @Test
    void refusesToSummariseNothing() {
        assertThatThrownBy(() -> PairedSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
