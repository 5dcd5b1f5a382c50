package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperationChoiceTest {
    private static List<String> chosen(String... args) {
        OperationChoice choice = new OperationChoice();
        new CommandLine(choice).parseArgs(args);
        return choice.operations();
    }

    @Test
    void everyOperationOfThePageByDefault() {
        assertThat(chosen()).hasSize(SqliteTables.OPERATIONS.size());
        assertThat(chosen().get(0)).isEqualTo(SqliteTables.OPERATIONS.get(0)[0]);
    }

    @Test
    void onlyKeepsThePageOrder() {
        String first = SqliteTables.OPERATIONS.get(0)[0];
        String second = SqliteTables.OPERATIONS.get(1)[0];
        assertThat(chosen("--only", second + "," + first)).containsExactly(first, second);
    }

    @Test
    void anUnknownNameFailsInsteadOfBeingDropped() {
        String first = SqliteTables.OPERATIONS.get(0)[0];
        assertThatThrownBy(() -> chosen("--only", first + ",getByPK")).hasMessageContaining("[getByPK]");
        assertThatThrownBy(() -> chosen("--only", "nothing")).hasMessageContaining("nothing");
    }

    @Test
    void bothRunnersParseTheirOptions() {
        assertThat(new CommandLine(new SqlitePairs()).parseArgs("--pairs", "4", "--only", "getByPk").errors()).isEmpty();
        assertThat(new CommandLine(new SqliteForks()).parseArgs("--forks", "2", "--out", "x").errors()).isEmpty();
        assertThatThrownBy(() -> new CommandLine(new SqliteForks()).parseArgs("--pairs", "4"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
