package io.djorm.benchmarks;

import io.djorm.benchmarks.model.Item;
import io.djorm.core.Djorm;
import io.djorm.testkit.TursoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A get by primary key through an embedded replica alias against a plain {@code sqlite} alias opened on
 * the very same replica file, in one process and one run: what the replica path (read routing,
 * read-your-writes bookkeeping, the file's read lock) adds to a local read. The two sides alternate,
 * round after round, so machine noise falls on both.
 *
 * <pre>benchmarks/run.sh ReplicaReadBenchmark [rows] [rounds]</pre>
 */
public final class ReplicaReadBenchmark {
    private ReplicaReadBenchmark() {
    }

    /** Seeds the primary, syncs the replica, then times both aliases and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 41;
        try (TursoServer server = TursoServer.start()) {
            Path file = Files.createTempDirectory("djorm-replica-bench").resolve("replica.db");
            Map<String, Object> databases = new LinkedHashMap<>();
            databases.put("default", Map.of("ENGINE", "libsql", "NAME", server.url()));
            databases.put("replica", Map.of("ENGINE", "libsql", "NAME", file.toString(), "SYNC_URL", server.url()));
            databases.put("plain", Map.of("ENGINE", "sqlite", "NAME", file.toString()));
            Djorm.configure(Map.of("DATABASES", databases));
            try {
                Djorm.connection().createTables(Item.class);
                List<Item> seed = Workload.items(rows, "r");
                Item.objects().bulkCreate(seed);
                Djorm.connection("replica").syncReplica();
                List<Object> ids = new ArrayList<>(rows);
                for (Item it : seed) ids.add(it.pk());
                print(rows, rounds, measure(ids, rounds));
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** Alternates whole passes over every key on each alias; returns µs per get for replica and plain. */
    private static Spread[] measure(List<Object> ids, int rounds) {
        Runnable replica = () -> {
            for (Object id : ids) Item.objects().using("replica").get("pk", id);
        };
        Runnable plain = () -> {
            for (Object id : ids) Item.objects().using("plain").get("pk", id);
        };
        for (int i = 0; i < 5; i++) { // the JIT compiles both paths before anything is timed
            replica.run();
            plain.run();
        }
        double[] replicaUs = new double[rounds];
        double[] plainUs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            replicaUs[i] = micros(replica) / ids.size();
            plainUs[i] = micros(plain) / ids.size();
        }
        return new Spread[] {Spread.of(replicaUs), Spread.of(plainUs)};
    }

    private static double micros(Runnable pass) {
        long t = System.nanoTime();
        pass.run();
        return (System.nanoTime() - t) / 1e3;
    }

    private static void print(int rows, int rounds, Spread[] s) {
        System.out.printf(Locale.ROOT, "%nget by primary key, %,d keys per pass, %d passes per alias (interleaved), "
                + "%d cores%n%n", rows, rounds, Runtime.getRuntime().availableProcessors());
        System.out.println("| alias | µs per get, min / median |");
        System.out.println("|---|---:|");
        System.out.println("| `libsql` embedded replica | " + s[0].format(2) + " |");
        System.out.println("| `sqlite` on the same file | " + s[1].format(2) + " |");
        System.out.println("| replica / plain | " + s[0].over(s[1]).ratio() + " |");
    }
}
