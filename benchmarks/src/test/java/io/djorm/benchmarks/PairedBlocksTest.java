package io.djorm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedBlocksTest {
    @Test
    void aFactorForGoingFirstCancelsWithinAGroup() {
        // A truly costs 1.10x B; whichever block runs first in its pair takes 1.3x longer.
        double[] a = {1.10 * 1.3, 1.10, 1.10 * 1.3, 1.10};
        double[] b = {1.0, 1.0 * 1.3, 1.0, 1.0 * 1.3};
        double[] groups = PairedBlocks.orderCancelled(a, b);
        assertThat(groups).hasSize(2);
        assertThat(groups[0]).isCloseTo(1.10, within(1e-12));
        assertThat(groups[1]).isCloseTo(1.10, within(1e-12));
    }

    @Test
    void anOddLastPairHasNoPartnerAndIsLeftOut() {
        double[] a = {2.0, 2.0, 9.0};
        double[] b = {1.0, 1.0, 1.0};
        assertThat(PairedBlocks.orderCancelled(a, b)).containsExactly(2.0);
    }

    @Test
    void theResultsRatiosAreTheGroupsOfWallAndOfCpu() {
        PairedBlocks.Result r = new PairedBlocks.Result(new double[] {4, 1}, new double[] {1, 4}, new double[] {2, 2},
                new double[] {1, 1});
        assertThat(r.ratios()).containsExactly(1.0);
        assertThat(r.cpuRatios()).containsExactly(2.0);
    }
}
