package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairRunnerTest {
    private final List<String> log = new ArrayList<>();

    private PairRunner.Side side(String name, boolean setUpEveryCall) {
        return new PairRunner.Side(() -> log.add(name + " slice setup"),
                setUpEveryCall ? () -> log.add(name + " call setup") : null, () -> log.add(name));
    }

    @Test
    void pairsAlternateWhichSideGoesFirst() {
        assertThat(PairRunner.djormFirst(0)).isTrue();
        assertThat(PairRunner.djormFirst(1)).isFalse();
        assertThat(PairRunner.djormFirst(2)).isTrue();
        assertThat(PairRunner.djormFirst(3)).isFalse();
    }

    @Test
    void eachSliceRunsItsSetupAndOneUntimedCallBeforeItsTimedCalls() throws Exception {
        List<PairRunner.Pair> pairs = new PairRunner(1).pairs(side("djorm", false), side("jdbc", false), 2);

        // Without a warm-up a slice is one timed call.
        assertThat(log).containsExactly(
                "djorm slice setup", "djorm", "djorm", "jdbc slice setup", "jdbc", "jdbc",
                "jdbc slice setup", "jdbc", "jdbc", "djorm slice setup", "djorm", "djorm");
        assertThat(pairs).extracting(PairRunner.Pair::djormFirst).containsExactly(true, false);
    }

    @Test
    void sidesThatSetUpEveryCallTakeTurnsCallByCallInAbbaOrder() throws Exception {
        for (int i = 0; i < 8; i += 2) {
            assertThat(PairRunner.djormTurn(i, true)).isNotEqualTo(PairRunner.djormTurn(i + 1, true));
        }
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7)).map(i -> PairRunner.djormTurn(i, true))
                .containsExactly(true, false, false, true, true, false, false, true);
        assertThat(List.of(0, 1, 2, 3)).map(i -> PairRunner.djormTurn(i, false))
                .containsExactly(false, true, true, false);

        new PairRunner(1).pairs(side("djorm", true), side("jdbc", true), 1);

        assertThat(log).containsExactly("djorm slice setup", "jdbc slice setup", "djorm call setup", "djorm",
                "jdbc call setup", "jdbc");
    }

    @Test
    void warmUpWaitsForC2sThresholdOfCallsWhenTheSidesCanMakeThemBeforeTheCeiling() {
        long s = 1_000_000_000L;
        long min = 6 * s;
        int c2 = 5_000;
        // 200 calls a second (prefetchRelated): 12,000 by the 60 s ceiling.
        assertThat(PairRunner.warmUpEnds(5 * s, min, true, 1_000, c2)).as("before the minimum").isFalse();
        assertThat(PairRunner.warmUpEnds(11 * s, min, true, 2_200, c2))
                .as("quiet before a side made enough calls for C2 to compile what runs once a call").isFalse();
        assertThat(PairRunner.warmUpEnds(26 * s, min, true, 5_200, c2)).as("quiet after them").isTrue();
        assertThat(PairRunner.warmUpEnds(30 * s, min, false, 6_000, c2)).as("busy past the cap, too few calls")
                .isFalse();
        assertThat(PairRunner.warmUpEnds(51 * s, min, false, 10_200, c2)).as("busy past the cap, calls enough")
                .isTrue();
        // 1,000 calls a second (a get would make far more): C2's threshold is reached within the minimum.
        assertThat(PairRunner.warmUpEnds(7 * s, min, true, 7_000, c2)).as("quiet after the minimum").isTrue();
        assertThat(PairRunner.warmUpEnds(17 * s, min, false, 17_000, c2)).as("busy, before the cap").isFalse();
        assertThat(PairRunner.warmUpEnds(18 * s, min, false, 18_000, c2)).as("busy at the cap").isTrue();
        // 40 calls a second (a 12 ms operation): 2,400 by the ceiling, so the plain rule.
        assertThat(PairRunner.warmUpEnds(10 * s, min, true, 400, c2)).as("quiet after the minimum, slow").isTrue();
        assertThat(PairRunner.warmUpEnds(18 * s, min, false, 720, c2)).as("busy at the cap, slow").isTrue();
        assertThat(PairRunner.warmUpEnds(60 * s, min, false, 9_999, c2)).as("the ceiling").isTrue();
    }

    @Test
    void aPairsRatioIsDjormOverJdbcWhicheverWentFirst() {
        assertThat(new PairRunner.Pair(false, 110, 100).ratio()).isEqualTo(1.1);
    }
}
