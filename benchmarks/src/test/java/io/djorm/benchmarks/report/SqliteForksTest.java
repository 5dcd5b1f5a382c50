package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteForksTest {
    @Test
    void eachSideGoesFirstInEveryOtherRoundAndForEveryOtherOperation() {
        assertThat(SqliteForks.order(0, 0)).containsExactly("djorm", "jdbc");
        assertThat(SqliteForks.order(1, 0)).containsExactly("jdbc", "djorm");
        assertThat(SqliteForks.order(0, 1)).containsExactly("jdbc", "djorm");
        assertThat(SqliteForks.order(1, 1)).containsExactly("djorm", "jdbc");
    }

    @Test
    void overAnEvenNumberOfRoundsEachSideRunsFirstAsOften() {
        for (int op = 0; op < SqliteTables.OPERATIONS.size(); op++) {
            int djormFirst = 0;
            for (int round = 0; round < 10; round++) {
                if (SqliteForks.order(round, op).get(0).equals("djorm")) djormFirst++;
            }
            assertThat(djormFirst).as("operation %d", op).isEqualTo(5);
        }
        assertThat(SqliteForks.order(3, 7)).hasSize(2).containsExactlyInAnyOrderElementsOf(List.of("djorm", "jdbc"));
    }
}
