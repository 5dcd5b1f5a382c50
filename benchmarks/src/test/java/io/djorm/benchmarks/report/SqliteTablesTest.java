package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTablesTest {
    @TempDir
    Path dir;

    @Test
    void aRowShowsThePooledMediansTheForksAndThePairedRatio() throws Exception {
        Path r1 = new JmhJson()
                .benchmark("SqliteBenchmark.getByPk_djorm", new double[][] {{8, 8}}, new double[][] {{11, 11}})
                .benchmark("SqliteBenchmark.getByPk_jdbc", new double[][] {{7, 7}}, new double[][] {{10, 10}})
                .write(dir.resolve("round-01.json"));
        Path r2 = new JmhJson()
                .benchmark("SqliteBenchmark.getByPk_jdbc", new double[][] {{7, 7}}, new double[][] {{20, 20}})
                .benchmark("SqliteBenchmark.getByPk_djorm", new double[][] {{8, 8}}, new double[][] {{26, 26}})
                .write(dir.resolve("round-02.json"));

        String table = SqliteTables.operations(JmhResults.read(List.of(r1, r2)));

        String row = table.lines().filter(l -> l.startsWith("| get by primary key")).findFirst().orElseThrow();
        assertThat(row.split("\\|")).extracting(String::strip).containsExactly("", "get by primary key",
                "8.00 / 8.00", "7.00 / 7.00", "1.14x", "11.0 / 18.5", "10.0 / 15.0", "1.23x",
                "2 / 4", "11.0 – 26.0", "10.0 – 20.0", "1.20x", "11.0 / 10.0", "1.10x");
        // The docs chart reads the wall and CPU ratios from the fourth and seventh cells.
        assertThat(table.lines().findFirst().orElseThrow().split("\\|")[4]).contains("ratio of medians");
        assertThat(table.lines().findFirst().orElseThrow().split("\\|")[7]).contains("CPU ratio of medians");
    }

    @Test
    void leavesTheScalingTableAloneWhenTheResultsHaveNoneOfItsBenchmarks() throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                <!-- sqlite-jmh:begin -->
                old operations
                <!-- sqlite-jmh:end -->
                <!-- scale-jmh:begin -->
                old scale
                <!-- scale-jmh:end -->
                """);
        Path round = new JmhJson()
                .benchmark("SqliteBenchmark.filterCount_djorm", new double[][] {{380}}, new double[][] {{379}})
                .benchmark("SqliteBenchmark.filterCount_jdbc", new double[][] {{370}}, new double[][] {{369}})
                .write(dir.resolve("round-01.json"));

        SqliteTables.main(new String[] {round.toString(), page.toString()});

        String text = Files.readString(page);
        assertThat(text).doesNotContain("old operations").contains("| filter + count |").contains("old scale");
    }
}
