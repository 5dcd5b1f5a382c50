package io.djorm.benchmarks;

import io.djorm.benchmarks.model.Item;
import io.djorm.core.Djorm;
import io.djorm.core.SyncResult;
import io.djorm.core.Transaction;
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
 * djorm against a real libSQL-family server on loopback: HTTP round trips and milliseconds per
 * operation beside the server's own round-trip time, measured in the same run; then, on
 * {@code tursodb}, the embedded replica's reads against the remote path, and the cost of pulls. The
 * argument picks the server: {@code tursodb} (default, {@code tursodb --sync-server}) or {@code libsql}
 * (the libSQL engine behind the test kit's Hrana test server, which has no replica protocol).
 *
 * <pre>{@code mvn -q -B install -DskipTests && mvn -q -B -pl benchmarks exec:java -Dexec.mainClass=io.djorm.benchmarks.LibsqlBenchmark [-Dexec.args=libsql]}</pre>
 */
public final class LibsqlBenchmark {
    private LibsqlBenchmark() {
    }

    /** Runs both parts and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        boolean libsql = args.length > 0 && args[0].equals("libsql");
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
                Djorm.connection().createTables(Item.class);
                double rtt = serverRoundTripMillis(server.url());
                remote(trips, recorder, rtt);
                if (!libsql) replica();
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** The median time of a bare HTTP pipeline request with one SELECT 1: the floor of any operation. */
    private static double serverRoundTripMillis(String url) throws Exception {
        OkHttpClient http = new OkHttpClient();
        RequestBody body = RequestBody.create("{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}}]}",
                MediaType.get("application/json"));
        Request request = new Request.Builder().url(url + "/v2/pipeline").post(body).build();
        return Timer.medianMillis(20, 101, () -> {
            try (Response r = http.newCall(request).execute()) {
                r.body().bytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void remote(RoundTripCounter trips, RequestRecorder recorder, double rtt) {
        List<Item> seed = items(2000, "seed");
        Item.objects().bulkCreate(seed);
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) ids.add(seed.get(i * 4).pk());
        Measure m = new Measure(trips, recorder, rtt);
        List<String[]> rows = new ArrayList<>();
        rows.add(m.run("get by key (x500, per get)", 500, 1, 3, () -> {
            for (Object id : ids) Item.objects().get("pk", id);
        }));
        // Reads and updates first, on the 2,000 seed rows: the inserts below grow the table.
        rows.add(m.run("filter + count", 1, 15, 21, () -> Item.objects().filter("quantity__gt", 10).count()));
        rows.add(m.run("update() of many rows", 1, 15, 21, () -> Item.objects().filter("quantity__lt", 5)
                .update("active", false)));
        rows.add(m.run("bulkCreate 1,000 rows", 1, 15, 21, () -> Item.objects().bulkCreate(items(1000, "bulk"))));
        rows.add(m.run("atomic block of 50 creates", 1, 15, 21, () -> Transaction.atomic(() -> {
            for (Item it : items(50, "tx")) it.save();
        })));
        System.out.printf(Locale.ROOT, "%nServer round trip (bare HTTP SELECT 1, median of 101): %.2f ms%n%n", rtt);
        System.out.println("| operation | round trips | ms per op | round trips x RTT | ratio | same requests sent raw (ms) | djorm / raw |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
        double floor = serverInsertFloorMillis(recorder.url(), " RETURNING id");
        double bare = serverInsertFloorMillis(recorder.url(), "");
        System.out.printf(Locale.ROOT, "%nThe server inserting 1,000 rows it makes itself (one request, no values sent):"
                + " %.2f ms, %.2fx RTT, returning the keys; %.2f ms, %.2fx RTT, not returning them%n",
                floor, floor / rtt, bare, bare / rtt);
    }

    /** Times an operation, then the very requests it sent, replayed as bare HTTP in the same rhythm. */
    private record Measure(RoundTripCounter trips, RequestRecorder recorder, double rtt) {
        String[] run(String name, int opsPerRun, int warmups, int runs, Runnable op) {
            for (int i = 0; i < warmups; i++) op.run(); // the JIT compiles djorm's code before it is timed
            trips.reset();
            double ms = Timer.medianMillis(0, runs, op) / opsPerRun;
            double tripsPerOp = trips.count() / (double) (runs * opsPerRun);
            recorder.start();
            op.run();
            List<RequestRecorder.Sent> sent = recorder.stop();
            double raw = Timer.medianMillis(warmups, runs, () -> recorder.replay(sent)) / opsPerRun;
            double floor = tripsPerOp * rtt;
            return new String[] {name, f1(tripsPerOp), f2(ms), f2(floor), f2(ms / floor) + "x", f2(raw), f2(ms / raw) + "x"};
        }
    }

    /**
     * The least time this server needs to insert 1,000 rows and return their keys: the rows are made on
     * the server from a 1,000-element JSON array, so no client encodes or sends any values.
     */
    private static double serverInsertFloorMillis(String url, String returning) {
        String zeros = "[" + String.join(",", java.util.Collections.nCopies(1000, "0")) + "]";
        String body = "{\"baton\":null,\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
                + "\"INSERT INTO bench_item (name, quantity, price, active) SELECT 'floor', 1, 0.5, 1 FROM json_each(?)"
                + returning + "\",\"args\":[{\"type\":\"text\",\"value\":\"" + zeros + "\"}]}}]}";
        RequestRecorder.Sent request = new RequestRecorder.Sent(url, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Timer.medianMillis(15, 21, () -> RequestRecorder.post(List.of(request)));
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void replica() {
        Item.objects().all().delete();
        List<Item> seed = items(10_000, "r");
        Item.objects().bulkCreate(seed);
        Djorm.connection("replica").syncReplica();
        List<Object> ids = new ArrayList<>();
        for (Item it : seed) ids.add(it.pk());
        double replicaMs = Timer.medianMillis(1, 3, () -> {
            for (Object id : ids) Item.objects().using("replica").get("pk", id);
        }) / ids.size();
        List<Object> some = ids.subList(0, 500);
        double remoteMs = Timer.medianMillis(0, 3, () -> {
            for (Object id : some) Item.objects().get("pk", id);
        }) / some.size();
        System.out.printf(Locale.ROOT, "%n| get by key | ms per read |%n|---|---:|%n| embedded replica (x10,000) | %.4f |%n"
                + "| remote over HTTP (x500) | %.3f |%n%nReplica reads are %.0fx faster than remote reads.%n%n",
                replicaMs, remoteMs, remoteMs / replicaMs);
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

    private static List<Item> items(int n, String prefix) {
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Item it = new Item();
            it.name = prefix + "-" + i;
            it.quantity = i % 100;
            it.price = i * 0.5;
            it.active = true;
            out.add(it);
        }
        return out;
    }
}
