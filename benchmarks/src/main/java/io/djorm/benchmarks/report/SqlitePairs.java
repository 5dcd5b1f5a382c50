package io.djorm.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures every operation of {@code SqliteBenchmark}, djorm against hand-written JDBC, as pairs of short
 * slices of thread CPU time in one JVM per operation ({@link PairedFork}, {@link PairRunner}), writes the
 * raw pairs ({@link PairsFile}) and prints the table ({@link PairedTable}). The figure for goal 1 is each
 * operation's median of pair ratios: a pair's two slices run back to back, so this machine's slow regime,
 * which lasts seconds and hits both sides alike, cancels within a pair instead of landing on one side's
 * pooled samples more than the other's.
 *
 * <p>Each operation's JVM has the heap of {@code SqliteBenchmark}'s forks, pre-touched
 * ({@code -XX:+AlwaysPreTouch}): the kernel charges the page faults of a first touch to the allocating
 * thread's CPU time, which would otherwise land on whichever side first grows into fresh heap.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.report.SqlitePairs [--pairs 40] [--slice-ms 100] [--warm-up-s 6] [--only getByPk,filterCount] [--out benchmarks/target/sqlite-pairs.csv]</pre>
 *
 * Then {@code PairedTable <out> docs/benchmarks.md} puts the table on the page.
 */
@Command(name = "SqlitePairs", mixinStandardHelpOptions = true,
        description = "djorm against hand-written JDBC as pairs of CPU-time slices, one JVM per operation.")
public final class SqlitePairs implements Callable<Integer> {
    /** The JVM options of {@code SqliteBenchmark}'s forks. */
    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Option(names = "--pairs", description = "Pairs of slices per operation (default ${DEFAULT-VALUE}).")
    private int pairs = 40;
    @Option(names = "--slice-ms", description = "Thread CPU time per slice, ms (default ${DEFAULT-VALUE}).")
    private long sliceMillis = 100;
    @Option(names = "--warm-up-s", description = "Minimum warm-up, s; it goes on until the JIT is quiet, at most"
            + " three times as long, and never more than ten times as long; when the sides can make C2's"
            + " invocation threshold of calls within that, a quiet JIT counts only after those calls and the"
            + " three times only after twice as many (default ${DEFAULT-VALUE}).")
    private double warmUpSeconds = 6;
    @Mixin
    private OperationChoice choice;
    @Option(names = "--out", description = "The file of raw pairs (default ${DEFAULT-VALUE}).")
    private Path out = Path.of("benchmarks/target/sqlite-pairs.csv");
    @Spec
    private CommandSpec spec;

    /** Runs the operations chosen by the options ({@code --help} lists them). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SqlitePairs()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> operations = choice.operations();
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# started: " + now());
        lines.add("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version"));
        lines.add("# load at start: " + LoadAverage.now());
        lines.add("# command: java -cp benchmarks/target/benchmarks.jar " + SqlitePairs.class.getName() + " "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        long start = System.nanoTime();
        Path part = Files.createTempFile("sqlite-pairs", ".csv");
        try {
            for (String operation : operations) {
                fork(operation, part);
                lines.addAll(Files.readAllLines(part));
            }
        } finally {
            Files.deleteIfExists(part);
        }
        lines.add(2, "# finished: " + now());
        lines.add(4, "# load at end: " + LoadAverage.now());
        Files.write(out, lines);
        System.out.printf(Locale.ROOT, "%d operations in %.1f min; pairs in %s%n%n", operations.size(),
                (System.nanoTime() - start) / 60e9, out);
        System.out.print(PairedTable.page(PairsFile.read(out)));
        System.out.println("\nThe page's table: java -cp benchmarks/target/benchmarks.jar "
                + PairedTable.class.getName() + " " + out + " docs/benchmarks.md");
        return 0;
    }

    /** Runs one operation in a JVM of its own, with this JVM's class path. */
    private void fork(String operation, Path part)
            throws IOException, InterruptedException {
        Files.deleteIfExists(part);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PairedFork.class.getName());
        command.addAll(List.of(operation, String.valueOf(pairs), String.valueOf(sliceMillis),
                String.valueOf(warmUpSeconds), part.toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        // Stopping this run stops the operation's JVM too.
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (exit != 0 || !Files.exists(part)) {
            throw new IllegalStateException(operation + "'s JVM failed (exit " + exit + ")");
        }
    }

    private static String now() {
        return WHEN.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
