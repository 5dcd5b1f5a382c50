package io.djorm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedPairsTest {
    /** A clock the simulated operations advance; CPU time runs at half the wall time. */
    private static final class FakeClock implements InterleavedPairs.Clock {
        long now;

        @Override
        public long wallNanos() {
            return now;
        }

        @Override
        public long cpuNanos() {
            return now / 2;
        }
    }

    @Test
    void theSidesAlternateOperationByOperationAndEachBlockStartsWithTheOtherSide() {
        List<String> calls = new ArrayList<>();
        InterleavedPairs.run(2, 4, () -> { }, List.of(new InterleavedPairs.Sides(() -> calls.add("A"), () -> calls.add("B"))),
                new FakeClock());

        assertThat(String.join("", calls)).isEqualTo("ABBAABBA" + "BAABBAAB");
    }

    @Test
    void anOddNumberOfStepsIsRoundedUpSoThatEachBlockHasBothOrdersEqually() {
        List<String> calls = new ArrayList<>();
        List<InterleavedPairs.Blocks> r = InterleavedPairs.run(1, 3, () -> { },
                List.of(new InterleavedPairs.Sides(() -> calls.add("A"), () -> calls.add("B"))), new FakeClock());

        assertThat(r.get(0).steps()).isEqualTo(4);
        assertThat(String.join("", calls)).isEqualTo("ABBAABBA");
    }

    @Test
    void goingFirstSlowSpellsAndUntimedSetupAllCancelInEveryBlock() {
        // A truly costs 1.10x B. The first operation of a step takes 30% longer; the machine is 1.4x slower
        // in every third step; the setup before each operation takes long and must not count.
        FakeClock clock = new FakeClock();
        int[] operation = {0};
        Runnable[] sides = new Runnable[2];
        for (int s = 0; s < 2; s++) {
            long cost = s == 0 ? 1_100_000 : 1_000_000;
            sides[s] = () -> {
                int n = operation[0]++;
                double first = n % 2 == 0 ? 1.3 : 1.0;
                double slow = (n / 2) % 3 == 0 ? 1.4 : 1.0;
                clock.now += Math.round(cost * first * slow);
            };
        }
        List<InterleavedPairs.Blocks> r = InterleavedPairs.run(3, 6, () -> clock.now += 50_000_000,
                List.of(new InterleavedPairs.Sides(sides[0], sides[1])), clock);

        InterleavedPairs.Blocks blocks = r.get(0);
        for (double ratio : blocks.wallRatios()) assertThat(ratio).isCloseTo(1.10, within(1e-6));
        for (double ratio : blocks.cpuRatios()) assertThat(ratio).isCloseTo(1.10, within(1e-6));
        // per operation: 6 steps of 1.0 ms, 1.3 ms or 1.4 ms or both
        assertThat(blocks.millisPerOp(blocks.bWall())[0]).isBetween(1.0, 1.82);
    }

    @Test
    void comparisonsTakeTurnsBlockByBlock() {
        List<String> calls = new ArrayList<>();
        InterleavedPairs.Sides ab = new InterleavedPairs.Sides(() -> calls.add("A"), () -> calls.add("B"));
        InterleavedPairs.Sides aa = new InterleavedPairs.Sides(() -> calls.add("a"), () -> calls.add("a"));
        List<InterleavedPairs.Blocks> r = InterleavedPairs.run(2, 2, () -> { }, List.of(ab, aa), new FakeClock());

        assertThat(String.join("", calls)).isEqualTo("ABBA" + "aaaa" + "BAAB" + "aaaa");
        assertThat(r).hasSize(2);
        assertThat(r.get(1).aWall()).hasSize(2);
    }
}
