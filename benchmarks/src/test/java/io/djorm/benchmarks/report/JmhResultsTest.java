package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
    @TempDir
    Path dir;

    @Test
    void poolsTheSamplesOfEveryForkOfEveryFile() throws Exception {
        Path a = new JmhJson().benchmark("SqliteBenchmark.getByPk_djorm",
                new double[][] {{5, 6}, {7, 8}}, new double[][] {{1, 2}, {3, 4}}).write(dir.resolve("a.json"));
        Path b = new JmhJson().benchmark("SqliteBenchmark.getByPk_djorm",
                new double[][] {{9, 10}}, new double[][] {{5, 6}}).write(dir.resolve("b.json"));

        JmhResults r = JmhResults.read(List.of(a, b));

        assertThat(r.get("SqliteBenchmark.getByPk_djorm").min()).isEqualTo(5);
        assertThat(r.get("SqliteBenchmark.getByPk_djorm").median()).isEqualTo(7.5);
        assertThat(r.get("SqliteBenchmark.getByPk_djorm:cpu").median()).isEqualTo(3.5);
        assertThat(r.get("SqliteBenchmark.getByPk_djorm:cpu").unit()).isEqualTo("us/op");
        assertThat(r.get("SqliteBenchmark.getByPk_jdbc")).isNull();
    }

    @Test
    void reportsHowManyForksAndSamplesWerePooledAndTheSpreadOfTheForkMedians() throws Exception {
        Path a = new JmhJson().benchmark("SqliteBenchmark.count_djorm",
                new double[][] {{10, 11, 12}, {30, 31, 90}}, new double[][] {{1, 2, 3}, {4, 5, 6}}).write(dir.resolve("a.json"));
        Path b = new JmhJson().benchmark("SqliteBenchmark.count_djorm",
                new double[][] {{20, 21, 22}}, new double[][] {{7, 8, 9}}).write(dir.resolve("b.json"));

        JmhResults.Forks forks = JmhResults.read(List.of(a, b)).forks("SqliteBenchmark.count_djorm");

        assertThat(forks).isEqualTo(new JmhResults.Forks(3, 9, 11, 31));
    }

    @Test
    void pairsTheForksReadFromTheSamePlaceAndTakesTheMedianOfTheirRatios() throws Exception {
        // Three rounds, one file each; the second round ran slow on both sides, the third's djorm fork alone.
        double[][] fast = {{1, 1}};
        Path r1 = new JmhJson().benchmark("SqliteBenchmark.x_djorm", new double[][] {{110, 110}}, fast)
                .benchmark("SqliteBenchmark.x_jdbc", new double[][] {{100, 100}}, fast).write(dir.resolve("r1.json"));
        Path r2 = new JmhJson().benchmark("SqliteBenchmark.x_djorm", new double[][] {{210, 210}}, fast)
                .benchmark("SqliteBenchmark.x_jdbc", new double[][] {{200, 200}}, fast).write(dir.resolve("r2.json"));
        Path r3 = new JmhJson().benchmark("SqliteBenchmark.x_jdbc", new double[][] {{100, 100}}, fast)
                .benchmark("SqliteBenchmark.x_djorm", new double[][] {{300, 300}}, fast).write(dir.resolve("r3.json"));

        JmhResults r = JmhResults.read(List.of(r1, r2, r3));

        // Ratios 1.10, 1.05, 3.00: the median is the first round's; the third round's slow fork does not count.
        assertThat(r.pairedRatio("SqliteBenchmark.x_djorm", "SqliteBenchmark.x_jdbc")).isCloseTo(1.10, within(1e-9));
        // The pooled medians: 210 against 100.
        assertThat(r.get("SqliteBenchmark.x_djorm").median() / r.get("SqliteBenchmark.x_jdbc").median())
                .isCloseTo(2.1, within(1e-9));
    }

    @Test
    void pairsTheForksOfOneMultiForkRunByTheirIndexAndLeavesForksWithoutAPartnerOut() throws Exception {
        Path run = new JmhJson()
                .benchmark("SqliteBenchmark.x_djorm", new double[][] {{12}, {30}, {99}}, new double[][] {{1}, {1}, {1}})
                .benchmark("SqliteBenchmark.x_jdbc", new double[][] {{10}, {20}}, new double[][] {{1}, {1}})
                .write(dir.resolve("run.json"));

        JmhResults r = JmhResults.read(run);

        // 12/10 and 30/20; the third djorm fork has no JDBC fork beside it.
        assertThat(r.pairedRatio("SqliteBenchmark.x_djorm", "SqliteBenchmark.x_jdbc")).isCloseTo(1.35, within(1e-9));
        assertThat(r.pairedRatio("SqliteBenchmark.x_djorm", "SqliteBenchmark.y_jdbc")).isNull();
    }
}
