package io.djorm.benchmarks.report;

import io.djorm.benchmarks.sqlite.SqliteBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs {@link SqliteBenchmark} as rounds of one-fork runs, each operation's djorm fork beside its JDBC
 * fork, and writes one JMH JSON file per round for {@link SqliteTables}.
 *
 * <p>JMH alone runs a benchmark's forks back to back and the two sides of an operation about half a
 * minute apart: on a shared virtual machine a slower stretch then lands on one side's forks as a block.
 * Here every round runs every operation once per side, the two forks of an operation one after the other
 * (which side goes first alternates from round to round and from operation to operation), so a slow
 * stretch hits both sides alike, and each side's forks are spread over the whole run. Iterations and JVM
 * arguments are those of {@link SqliteBenchmark}'s annotations; only the fork count is set here (one).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.djorm.benchmarks.report.SqliteForks [--forks 8] [--only getByPk,filterCount] [--out benchmarks/target/sqlite-forks]</pre>
 */
@Command(name = "SqliteForks", mixinStandardHelpOptions = true,
        description = "SqliteBenchmark as rounds of one-fork JMH runs, the two sides of an operation side by side.")
public final class SqliteForks implements Callable<Integer> {
    private static final String LOCK_BUSY = "Another JMH instance might be running";

    @Option(names = "--forks", description = "Forks per side, one per round; eight fit about 25 minutes on this"
            + " machine when it is quiet (default ${DEFAULT-VALUE}).")
    private int forks = 8;
    @Mixin
    private OperationChoice choice;
    @Option(names = "--out", description = "The folder of round files and logs (default ${DEFAULT-VALUE}).")
    private Path out = Path.of("benchmarks/target/sqlite-forks");

    /** Runs the rounds chosen by the options ({@code --help} lists them). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SqliteForks()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> operations = choice.operations();
        Files.createDirectories(out.resolve("logs"));
        // A round file left by an earlier, longer run would be pooled by the page's round-*.json.
        try (var old = Files.newDirectoryStream(out, "round-*.json")) {
            for (Path file : old) Files.delete(file);
        }
        long start = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (int round = 0; round < forks; round++) {
            System.out.printf(Locale.ROOT, "round %d/%d starts, load average %s%n", round + 1, forks, LoadAverage.now());
            List<RunResult> results = new ArrayList<>();
            for (int k = 0; k < operations.size(); k++) {
                for (String side : order(round, k)) {
                    String method = operations.get(k) + "_" + side;
                    results.addAll(runFork(method, out.resolve("logs").resolve(String.format(Locale.ROOT,
                            "round-%02d-%s.log", round + 1, method)), round + 1, forks));
                }
            }
            Path file = out.resolve(String.format(Locale.ROOT, "round-%02d.json", round + 1));
            ResultFormatFactory.getInstance(ResultFormatType.JSON, file.toString()).writeOut(results);
            files.add(file);
        }
        System.out.printf(Locale.ROOT, "%d rounds in %.1f min, load average %s at the end%n%n", forks,
                (System.nanoTime() - start) / 60e9, LoadAverage.now());
        System.out.print(SqliteTables.operations(JmhResults.read(files)));
        System.out.println("\nThe page's table: java -cp benchmarks/target/benchmarks.jar "
                + "io.djorm.benchmarks.report.SqliteTables " + out + "/round-*.json docs/benchmarks.md");
        return 0;
    }

    /**
     * The order of an operation's two sides in a round: alternating from round to round (ABBA over two
     * rounds) and from one operation to the next, so neither side always runs first or right after the
     * other operation's forks.
     */
    static List<String> order(int round, int operation) {
        return (round + operation) % 2 == 0 ? List.of("djorm", "jdbc") : List.of("jdbc", "djorm");
    }

    /** One fork of one benchmark method, with CPU time; waits while another JMH run holds JMH's lock. */
    private static Collection<RunResult> runFork(String method, Path log, int round, int rounds)
            throws RunnerException, InterruptedException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(SqliteBenchmark.class.getName() + "." + method) + "$")
                .forks(1)
                .addProfiler(CpuTimeProfiler.class)
                .output(log.toString())
                .build();
        long start = System.nanoTime();
        while (true) {
            try {
                Collection<RunResult> results = new Runner(options).run();
                report(method, results, round, rounds, (System.nanoTime() - start) / 1e9);
                return results;
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains(LOCK_BUSY)) throw e;
                System.out.println("waiting for JMH's lock (/tmp/jmh.lock), held by another JMH run");
                Thread.sleep(10_000);
            }
        }
    }

    private static void report(String method, Collection<RunResult> results, int round, int rounds, double seconds) {
        if (results.isEmpty()) {
            System.out.printf(Locale.ROOT, "round %d/%d %-28s FAILED (%.1f s), see its log%n", round, rounds, method, seconds);
            return;
        }
        RunResult r = results.iterator().next();
        Result<?> cpu = r.getAggregatedResult().getSecondaryResults().get(CpuTimeProfiler.LABEL);
        System.out.printf(Locale.ROOT, "round %d/%d %-28s %6.1f s  wall %,.2f  cpu %s %s%n", round, rounds, method,
                seconds, r.getPrimaryResult().getScore(),
                cpu == null ? "—" : String.format(Locale.ROOT, "%,.2f", cpu.getScore()), r.getPrimaryResult().getScoreUnit());
    }
}
