package io.djorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedTableTest {
    @TempDir
    Path dir;

    private static List<String> run() {
        List<String> lines = new ArrayList<>(List.of("# started: 2026-12-04 20:00 UTC", "# machine: 2 cores, JDK",
                "# finished: 2026-12-04 20:10 UTC", "# load at start: 1.00 1.10 1.20", "# load at end: 2.00 2.10 2.20",
                "# command: java SqlitePairs"));
        lines.addAll(PairsFile.lines("getByPk", new PairRunner.WarmUp(12.3, true), List.of(
                new PairRunner.Pair(true, 7_700, 7_000), new PairRunner.Pair(false, 11_000, 10_000),
                new PairRunner.Pair(true, 7_350, 7_000))));
        lines.addAll(PairsFile.lines("deleteCascade", new PairRunner.WarmUp(32, false), List.of(
                new PairRunner.Pair(true, 60_000, 50_000))));
        return lines;
    }

    @Test
    void theFileKeepsThePairsTheirOrderAndTheWarmUps() {
        PairsFile f = PairsFile.parse(run());

        assertThat(f.pairs.get("getByPk")).containsExactly(new PairRunner.Pair(true, 7_700, 7_000),
                new PairRunner.Pair(false, 11_000, 10_000), new PairRunner.Pair(true, 7_350, 7_000));
        assertThat(f.warmUps.get("deleteCascade")).isEqualTo(new PairRunner.WarmUp(32, false));
        assertThat(f.run.get("load at end")).isEqualTo("2.00 2.10 2.20");
    }

    @Test
    void aRowShowsBothSidesThePairedMedianItsSpreadAndThePairs() {
        String table = PairedTable.table(PairsFile.parse(run()));

        // ratios 1.10, 1.10, 1.05: median 1.10; quartiles 1.075 and 1.10; three pairs are too few for a
        // narrower interval than the extremes.
        String row = table.lines().filter(l -> l.startsWith("| get by primary key")).findFirst().orElseThrow();
        assertThat(row.split("\\|")).extracting(String::strip).containsExactly("", "get by primary key",
                "7.35 / 7.70", "7.00 / 7.00", "1.100x", "1.08x – 1.10x", "1.05x – 1.10x", "3", "12");
        String delete = table.lines().filter(l -> l.startsWith("| delete")).findFirst().orElseThrow();
        assertThat(delete).contains("| 1.200x |").contains("32 (cap: JIT still busy)");
        // The operations' order is the JMH table's, whatever the file's.
        assertThat(table.indexOf("get by primary key")).isLessThan(table.indexOf("delete with cascade"));
    }

    @Test
    void writesThePageSectionWithTheRunsLine() throws Exception {
        Path pairs = Files.write(dir.resolve("pairs.csv"), run());
        Path page = Files.writeString(dir.resolve("page.md"), """
                before
                <!-- sqlite-paired:begin -->
                old
                <!-- sqlite-paired:end -->
                after
                """);

        PairedTable.main(new String[] {pairs.toString(), page.toString()});

        String text = Files.readString(page);
        assertThat(text).startsWith("before\n").endsWith("<!-- sqlite-paired:end -->\nafter\n").doesNotContain("old")
                .contains("Run 2026-12-04 20:00 UTC – 2026-12-04 20:10 UTC on 2 cores, JDK; load average 1.00 1.10 1.20")
                .contains("`java SqlitePairs`").contains("| get by primary key |");
    }
}
