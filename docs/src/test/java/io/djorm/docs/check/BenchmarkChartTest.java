package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed chart shows the figures of docs/benchmarks.md, and the page shows the chart. */
class BenchmarkChartTest {

    @Test
    void theCommittedChartWasDrawnFromThePagesFigures() throws Exception {
        Path page = DocsTree.docsDir().resolve("benchmarks.md");
        Path png = DocsTree.docsDir().resolve("images/benchmarks.png");
        assertThat(png).as("the chart; draw it with BenchmarkChart (see its Javadoc)").exists();
        assertThat(BenchmarkChart.storedFigures(png))
                .as("docs/images/benchmarks.png was drawn from other figures than docs/benchmarks.md has now; "
                        + "redraw it with BenchmarkChart")
                .isEqualTo(BenchmarkChart.figures(BenchmarkChart.panels(page)));
        assertThat(Files.readString(page)).contains("](images/benchmarks.png)");
    }

    @Test
    void theChartHoldsEveryRowOfBothTables(@TempDir Path dir) throws Exception {
        List<BenchmarkChart.Panel> panels = BenchmarkChart.panels(DocsTree.docsDir().resolve("benchmarks.md"));
        assertThat(panels).hasSize(2);
        assertThat(panels.get(0).bars()).hasSize(13).allSatisfy(b -> assertThat(b.first()).isPositive());
        assertThat(panels.get(1).bars()).hasSize(13).allSatisfy(b -> assertThat(b.second()).isPositive());
        Path png = dir.resolve("chart.png");
        BenchmarkChart.write(panels, png);
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        String stored = BenchmarkChart.storedFigures(png);
        for (BenchmarkChart.Panel panel : panels) {
            for (BenchmarkChart.Bar bar : panel.bars()) assertThat(stored).contains(panel.title() + " | " + bar.label() + " | ");
        }
    }
}
