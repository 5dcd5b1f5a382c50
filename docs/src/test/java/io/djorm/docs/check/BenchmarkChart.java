package io.djorm.docs.check;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws docs/images/benchmarks.png from the tables of docs/benchmarks.md with plain Java2D: the ratio of
 * djorm's CPU time to hand-written sqlite-jdbc's per operation (the paired run's table: the median of
 * the pair ratios and the upper end of its 95% interval), and djorm on the libSQL-engine server against
 * the same requests sent raw (the remote table's first columns: that server answers at once, so the
 * client's own time shows). The figures drawn are
 * stored in the PNG as a text chunk, so a test can tell when the page's figures and the chart differ.
 *
 * <pre>
 * docs/run-check.sh BenchmarkChart
 * </pre>
 */
public final class BenchmarkChart {
    /** The PNG text chunk that holds the figures the chart was drawn from. */
    static final String FIGURES_KEY = "djorm-figures";
    private static final int WIDTH = 960;
    private static final int ROW = 34;
    private static final Color FIRST = new Color(0x2f6fb0);
    private static final Color SECOND = new Color(0xb0b0b0);

    /**
     * One bar pair.
     *
     * @param label the operation
     * @param first djorm's figure
     * @param second the reference figure
     */
    record Bar(String label, double first, double second) {
    }

    /**
     * One panel of the chart.
     *
     * @param title the panel's title
     * @param firstName the legend of the first bars
     * @param secondName the legend of the second bars
     * @param bars the bar pairs
     */
    record Panel(String title, String firstName, String secondName, List<Bar> bars) {
    }

    private BenchmarkChart() {
    }

    /** Renders the chart of docs/benchmarks.md into docs/images/benchmarks.png. */
    public static void main(String[] args) {
        Path page = DocsTree.docsDir().resolve("benchmarks.md");
        Path png = DocsTree.docsDir().resolve("images/benchmarks.png");
        write(panels(page), png);
        System.out.println("wrote " + DocsTree.shown(png));
    }

    /** The panels read from the page's paired SQLite table and its remote table. */
    static List<Panel> panels(Path page) {
        try {
            List<String> lines = Files.readAllLines(page);
            // Found by position of their markers and headers, since the page also shows other runs' tables.
            // Goal 1's figures: the paired run's median of pair ratios and the upper end of its 95% interval.
            List<Bar> jdbc = new ArrayList<>();
            for (String[] row : tableAfter(lines, "<!-- sqlite-paired:begin -->")) {
                jdbc.add(new Bar(row[0], number(row[3]), upper(row[5])));
            }
            List<Bar> remote = new ArrayList<>();
            // The remote table's cells read "min / median"; its first columns are the libSQL-engine server's.
            for (String[] row : tableAfter(lines, "| operation | round trips | libSQL engine: djorm ms")) {
                remote.add(new Bar(row[0], median(row[2]), median(row[3])));
            }
            return List.of(new Panel("djorm CPU time / hand-written sqlite-jdbc CPU time, paired in one JVM (1.00 = same; goal 1.10)",
                            "median of pair ratios", "upper end of its 95% interval", jdbc),
                    new Panel("djorm on the libSQL-engine server, median ms per operation", "djorm", "same requests sent raw", remote));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures as text: one line per bar, the form stored in the PNG. */
    static String figures(List<Panel> panels) {
        StringBuilder sb = new StringBuilder();
        for (Panel p : panels) {
            for (Bar b : p.bars()) {
                sb.append(p.title()).append(" | ").append(b.label()).append(" | ")
                        .append(format(b.first())).append(" | ").append(format(b.second())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The figures stored in a PNG written by {@link #write}, or null when it has none. */
    static String storedFigures(Path png) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReaderHolder holder = new ImageReaderHolder(in);
            IIOMetadataNode root = (IIOMetadataNode) holder.metadata().getAsTree("javax_imageio_png_1.0");
            var entries = root.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
                if (FIGURES_KEY.equals(e.getAttribute("keyword"))) return e.getAttribute("value");
            }
            return null;
        }
    }

    private record ImageReaderHolder(IIOMetadata metadata) {
        ImageReaderHolder(javax.imageio.stream.ImageInputStream in) throws IOException {
            this(read(in));
        }

        private static IIOMetadata read(javax.imageio.stream.ImageInputStream in) throws IOException {
            var reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(in);
                return reader.getImageMetadata(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Draws the panels and writes the PNG with the figures in a text chunk. */
    static void write(List<Panel> panels, Path png) {
        int height = 40;
        for (Panel p : panels) height += 70 + p.bars().size() * ROW * 2 / 2 + p.bars().size() * 8;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        int y = 20;
        for (Panel p : panels) y = drawPanel(g, p, y);
        g.dispose();
        try {
            Files.createDirectories(png.getParent());
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", FIGURES_KEY);
            entry.setAttribute("value", figures(panels));
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(text);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            Files.deleteIfExists(png);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(png.toFile())) {
                writer.setOutput(out);
                writer.write(new IIOImage(image, null, metadata));
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int drawPanel(Graphics2D g, Panel p, int top) {
        int labelWidth = 300;
        int barLeft = labelWidth + 20;
        int barMax = WIDTH - barLeft - 90;
        double max = p.bars().stream().mapToDouble(b -> Math.max(b.first(), b.second())).max().orElse(1);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(p.title(), 20, top + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        legend(g, FIRST, p.firstName(), barLeft, top + 36);
        legend(g, SECOND, p.secondName(), barLeft + 160, top + 36);
        int y = top + 52;
        for (Bar b : p.bars()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(b.label(), 20, y + 20);
            y = bar(g, FIRST, b.first(), max, barLeft, barMax, y);
            y = bar(g, SECOND, b.second(), max, barLeft, barMax, y);
            y += 8;
        }
        g.setColor(SECOND);
        g.setStroke(new BasicStroke(1));
        g.drawLine(barLeft, top + 48, barLeft, y);
        return y + 24;
    }

    private static int bar(Graphics2D g, Color color, double value, double max, int left, int maxWidth, int y) {
        int w = (int) Math.max(1, Math.round(value / max * maxWidth));
        g.setColor(color);
        g.fillRect(left, y, w, ROW / 2 - 2);
        g.setColor(Color.BLACK);
        g.drawString(format(value), left + w + 6, y + ROW / 2 - 5);
        return y + ROW / 2;
    }

    private static void legend(Graphics2D g, Color color, String name, int x, int y) {
        g.setColor(color);
        g.fillRect(x, y - 10, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString(name, x + 18, y);
    }

    /** The rows of the first table that starts at or after the first line starting with {@code start}. */
    static List<String[]> tableAfter(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) return tables(lines.subList(i, lines.size())).get(0);
        }
        throw new IllegalStateException("docs/benchmarks.md has no line starting with " + start);
    }

    /** The Markdown tables of a page, header and separator rows left out, cells trimmed. */
    static List<List<String[]>> tables(List<String> lines) {
        List<List<String[]>> tables = new ArrayList<>();
        List<String[]> current = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
                tables.add(current);
                continue; // the header row
            }
            if (line.matches("\\|[-:| ]+\\|")) continue;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].strip();
            current.add(cells);
        }
        return tables;
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace("x", ""));
    }

    /** The upper end of a "low – high" cell. */
    private static double upper(String cell) {
        return number(cell.substring(cell.lastIndexOf(' ') + 1).strip());
    }

    /** The median of a "min / median" cell. */
    private static double median(String cell) {
        return number(cell.substring(cell.indexOf('/') + 1).strip());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
