package io.djorm.benchmarks;

import io.djorm.benchmarks.model.Item;
import io.djorm.core.Djorm;
import io.djorm.core.SyncResult;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.LibsqlTestServer;
import io.djorm.testkit.TestServer;
import io.djorm.testkit.TursoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * djorm against a real libSQL-family server on loopback: for every ORM operation of the benchmarks page,
 * the HTTP round trips it takes and its time against the very requests it sent replayed as bare HTTP
 * ({@link RemoteOperations}); then, on {@code tursodb}, the embedded replica's reads against the remote
 * path and the cost of pulls. The first argument picks the server: {@code tursodb} (default,
 * {@code tursodb --sync-server}) or {@code libsql} (the libSQL engine behind the test kit's Hrana test
 * server, which has no replica protocol); the second the number of timed blocks per operation (default
 * 21), in each of which djorm and the replay alternate operation by operation ({@link InterleavedPairs}).
 * {@code -Dcontrol=both|djorm|raw|none} picks the A/A controls run beside each comparison and
 * {@code -Donly=get,bulkCreate} the operations ({@link RemoteOperations}).
 *
 * <pre>benchmarks/run.sh LibsqlBenchmark [tursodb|libsql] [runs]</pre>
 */
public final class LibsqlBenchmark {
    private LibsqlBenchmark() {
    }

    /** Runs the parts and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        boolean libsql = args.length > 0 && args[0].equals("libsql");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        try (TestServer server = libsql ? LibsqlTestServer.start() : TursoServer.start()) {
            RoundTripCounter trips = new RoundTripCounter();
            RequestRecorder recorder = new RequestRecorder();
            Path dir = Files.createTempDirectory("djorm-libsql-bench");
            Map<String, Object> databases = new LinkedHashMap<>();
            databases.put("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(trips, recorder))));
            if (!libsql) {
                databases.put("replica", Map.of("ENGINE", "libsql", "NAME", dir.resolve("replica.db").toString(),
                        "SYNC_URL", server.url()));
            }
            Djorm.configure(Map.of("DATABASES", databases));
            try {
                System.out.printf(Locale.ROOT, "%s on loopback, %d cores, %s, load average %.2f, %d timed blocks"
                        + " per operation, djorm and the replay alternating operation by operation; A/A controls: %s%n%n", libsql ? "libSQL-engine test server" : "tursodb",
                        Runtime.getRuntime().availableProcessors(), java.time.Instant.now(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs,
                        System.getProperty("control", "both"));
                Spread rtt = serverRoundTrip(server.url());
                System.out.println("Server round trip (bare HTTP SELECT 1, min / median of 101): " + rtt.format(2) + " ms\n");
                RemoteOperations operations = new RemoteOperations(trips, recorder, libsql ? 0 : 1);
                operations.runAll(runs);
                operations.print();
                Djorm.connection().createTables(Item.class);
                insertFloors(recorder.url(), rtt);
                if (!libsql) replica();
                System.out.printf(Locale.ROOT, "%nFinished %s, load average %s%n", java.time.Instant.now(),
                        io.djorm.benchmarks.report.LoadAverage.now());
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** A bare HTTP pipeline request with one SELECT 1: the floor of any operation. */
    private static Spread serverRoundTrip(String url) {
        OkHttpClient http = RequestRecorder.bareClient();
        RequestBody body = RequestBody.create("{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}}]}",
                MediaType.get("application/json"));
        Request request = new Request.Builder().url(url + "/v2/pipeline").post(body).build();
        return Spread.measure(20, 101, 1, () -> {
            try (Response r = http.newCall(request).execute()) {
                r.body().bytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void insertFloors(String url, Spread rtt) {
        Spread floor = serverInsertFloor(url, " RETURNING id");
        Spread bare = serverInsertFloor(url, "");
        System.out.printf(Locale.ROOT, "%nThe server inserting 1,000 rows it makes itself (one request, no values sent),"
                + " min / median: %s ms returning the keys, %s ms not returning them (RTT %s ms)%n",
                floor.format(2), bare.format(2), rtt.format(2));
    }

    /**
     * The least time this server needs to insert 1,000 rows and return their keys: the rows are made on
     * the server from a 1,000-element JSON array, so no client encodes or sends any values.
     */
    private static Spread serverInsertFloor(String url, String returning) {
        String zeros = "[" + String.join(",", java.util.Collections.nCopies(1000, "0")) + "]";
        String body = "{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
                + "\"INSERT INTO bench_item (name, quantity, price, active) SELECT 'floor', 1, 0.5, 1 FROM json_each(?)"
                + returning + "\",\"args\":[{\"type\":\"text\",\"value\":\"" + zeros + "\"}]}}]}";
        RequestRecorder.Sent request = new RequestRecorder.Sent(url, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Spread.measure(15, 21, 1, () -> RequestRecorder.post(List.of(request)));
    }

    /** Replica reads against remote reads of the same rows, alternating; then the cost of pulls. */
    private static void replica() {
        Item.objects().all().delete();
        List<Item> seed = Workload.items(10_000, "r");
        Item.objects().bulkCreate(seed);
        Djorm.connection("replica").syncReplica();
        List<Object> ids = new ArrayList<>();
        for (Item it : seed) ids.add(it.pk());
        List<Object> some = ids.subList(0, 200);
        Runnable replicaPass = () -> {
            for (Object id : ids) Item.objects().using("replica").get("pk", id);
        };
        Runnable remotePass = () -> {
            for (Object id : some) Item.objects().get("pk", id);
        };
        replicaPass.run();
        remotePass.run();
        double[] replicaMs = new double[7];
        double[] remoteMs = new double[7];
        for (int i = 0; i < replicaMs.length; i++) {
            replicaMs[i] = Spread.measure(0, 1, ids.size(), replicaPass).median();
            remoteMs[i] = Spread.measure(0, 1, some.size(), remotePass).median();
        }
        Spread replica = Spread.of(replicaMs);
        Spread remote = Spread.of(remoteMs);
        // The fastest remote read over the fastest replica read, and median over median.
        System.out.printf(Locale.ROOT, "%n| get by key, ms per read | min / median |%n|---|---:|%n"
                + "| embedded replica (10,000 gets a pass, 7 passes) | %s |%n| remote over HTTP (200 gets a pass, 7 passes) | %s |%n"
                + "| remote / replica | %s |%n%n", replica.format(4), remote.format(3), remote.over(replica).ratio());
        System.out.println("| pull after | pages | bytes | ms |");
        System.out.println("|---|---:|---:|---:|");
        for (int changed : new int[] {1, 100, 10_000}) {
            List<Item> batch = new ArrayList<>(seed.subList(0, changed));
            for (Item it : batch) it.quantity = it.quantity + 1;
            Item.objects().bulkUpdate(batch, "quantity");
            SyncResult pulled = Djorm.connection("replica").syncReplica();
            System.out.printf(Locale.ROOT, "| %,d changed rows | %d | %,d | %.1f |%n", changed, pulled.pagesReceived(),
                    pulled.bytesReceived(), pulled.duration().toNanos() / 1e6);
        }
    }
}
