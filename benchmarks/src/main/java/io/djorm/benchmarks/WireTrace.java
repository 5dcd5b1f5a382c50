package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import com.sun.management.OperatingSystemMXBean;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.core.Djorm;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.LibsqlTestServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What djorm puts on the wire against what the replay sends, and where each side's wall time goes, on the
 * libSQL-engine test server: (1) through a capturing proxy, each side's request bytes (request line,
 * headers, body) and the pieces they arrived in; (2) without the proxy, djorm, the replay, and the replay
 * after as much client-thread work as djorm does beyond it (spent allocating, spinning, spinning twice as
 * long) taking turns operation by operation, each operation split into the client's work before the
 * request, OkHttp's work up to the body, writing the body, waiting for the answer's headers, reading the
 * answer and the work after: whether client work alone lengthens the server's answer on a machine whose
 * cores and caches the server shares; (3) each side alone for a stretch: the CPU of every thread of the
 * process by name (OkHttp's, okio's watchdog, the JIT, the collector) against the client thread's.
 *
 * <pre>benchmarks/run.sh WireTrace [steps] [operation...]</pre>
 */
public final class WireTrace {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private WireTrace() {
    }

    /** Runs the three parts for get, update() and bulkUpdate (or the operations named). */
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        try (LibsqlTestServer server = LibsqlTestServer.start();
             CaptureProxy proxy = new CaptureProxy(java.net.URI.create(server.url()).getPort())) {
            ExchangeSplit djormSplit = new ExchangeSplit();
            RequestRecorder recorder = new RequestRecorder();
            RoundTripCounter trips = new RoundTripCounter();
            Map<String, Object> databases = new LinkedHashMap<>();
            databases.put("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(trips, recorder, djormSplit))));
            databases.put("proxied", Map.of("ENGINE", "libsql", "NAME", proxy.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(recorder))));
            Djorm.configure(Map.of("DATABASES", databases));
            try {
                Library.seed();
                System.out.printf(Locale.ROOT, "%s, load average %s%n", java.time.Instant.now(),
                        io.djorm.benchmarks.report.LoadAverage.now());
                List<Object> keys = new ArrayList<>();
                for (Object pk : Book.objects().orderBy("pk").valuesListFlat("pk").slice(0, 200).list()) keys.add(pk);
                int[] next = {0};
                List<Book> toUpdate = Book.objects().orderBy("pk").slice(0, 500).list();
                Map<String, Function<String, Runnable>> ops = new LinkedHashMap<>();
                ops.put("get", alias -> () -> Book.objects().using(alias).get("pk", keys.get(next[0]++ % keys.size())));
                ops.put("update", alias -> () -> Book.objects().using(alias).filter("pages__lt", 200)
                        .update("price", F("price").plus(0.5)));
                ops.put("bulkUpdate", alias -> () -> {
                    for (Book b : toUpdate) b.price = b.price + 0.25;
                    Book.objects().using(alias).bulkUpdate(toUpdate, "price");
                });
                for (var e : ops.entrySet()) {
                    if (!only.isEmpty() && !only.contains(e.getKey())) continue;
                    System.out.println("\n## " + e.getKey());
                    wire(proxy, recorder, e.getValue().apply("proxied"));
                    split(e.getKey().equals("get") ? steps : steps / 4, recorder, djormSplit, e.getValue().apply("default"));
                }
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** Part 1: one run of djorm through the proxy, then its recorded requests replayed through it. */
    private static void wire(CaptureProxy proxy, RequestRecorder recorder, Runnable op) {
        op.run();
        op.run(); // connections open, shapes cached
        recorder.start();
        proxy.connections().forEach(CaptureProxy.Connection::reset);
        op.run();
        List<RequestRecorder.Sent> sent = recorder.stop();
        Map<Integer, byte[]> djorm = sentBy(proxy);
        List<Map<Integer, List<long[]>>> readsDjorm = List.of(readsBy(proxy));
        RequestRecorder.post(sent); // the first replay opens the replay's connection
        proxy.connections().forEach(CaptureProxy.Connection::reset);
        RequestRecorder.post(sent);
        Map<Integer, byte[]> raw = sentBy(proxy);
        List<Map<Integer, List<long[]>>> readsRaw = List.of(readsBy(proxy));
        print("djorm", djorm, readsDjorm.get(0));
        print("replay", raw, readsRaw.get(0));
        byte[] d = djorm.values().iterator().next();
        byte[] r = raw.values().iterator().next();
        int dBody = bodyStart(d);
        int rBody = bodyStart(r);
        System.out.printf(Locale.ROOT, "bodies identical: %s (%d and %d bytes)%n",
                Arrays.equals(Arrays.copyOfRange(d, dBody, d.length), Arrays.copyOfRange(r, rBody, r.length)),
                d.length - dBody, r.length - rBody);
    }

    private static Map<Integer, byte[]> sentBy(CaptureProxy proxy) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (CaptureProxy.Connection c : proxy.connections()) {
            byte[] b = c.sent();
            if (b.length > 0) out.put(c.number, b);
        }
        return out;
    }

    private static Map<Integer, List<long[]>> readsBy(CaptureProxy proxy) {
        Map<Integer, List<long[]>> out = new HashMap<>();
        for (CaptureProxy.Connection c : proxy.connections()) out.put(c.number, c.reads());
        return out;
    }

    private static void print(String side, Map<Integer, byte[]> sent, Map<Integer, List<long[]>> reads) {
        for (var e : sent.entrySet()) {
            byte[] b = e.getValue();
            int body = bodyStart(b);
            List<long[]> r = reads.get(e.getKey());
            StringBuilder pieces = new StringBuilder();
            for (long[] read : r) {
                pieces.append(String.format(Locale.ROOT, " %d@%.0fus", read[1], (read[0] - r.get(0)[0]) / 1e3));
            }
            System.out.printf(Locale.ROOT, "%s, connection %d: %d bytes (headers %d), proxy's reads:%s%n%s%n", side,
                    e.getKey(), b.length, body, pieces, new String(b, 0, Math.min(b.length, body + 600), StandardCharsets.UTF_8).strip());
        }
    }

    private static int bodyStart(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') return i + 1;
        }
        return b.length;
    }

    /** Parts 2 and 3. */
    private static void split(int steps, RequestRecorder recorder, ExchangeSplit djormSplit, Runnable op) {
        for (int i = 0; i < 300; i++) op.run();
        List<RequestRecorder.Sent> sent = new ArrayList<>();
        recorder.start();
        op.run();
        op.run();
        sent.addAll(recorder.stop());
        int perRun = sent.size() / 2;
        ExchangeSplit rawSplit = new ExchangeSplit();
        OkHttpClient rawHttp = RequestRecorder.HTTP.newBuilder().addInterceptor(rawSplit).build();
        int[] turn = {0};
        Runnable replay = () -> {
            int run = turn[0]++ % 2;
            RequestRecorder.post(rawHttp, sent.subList(run * perRun, (run + 1) * perRun));
        };
        for (int i = 0; i < 300; i++) replay.run();
        // A third side: the replay after as much client-thread work as djorm does beyond it (spent allocating and
        // filling short-lived arrays, as djorm's own work does), to see whether that work alone lengthens the
        // server's answer (the machine's caches and cores are shared with the server).
        long burnNanos = Math.max(0, cpuPerOp(op, 300) - cpuPerOp(replay, 300));
        long burnBytes = Long.getLong("burnBytes", 80_000);
        Runnable burnt = () -> {
            burn(burnNanos, burnBytes);
            replay.run();
        };
        Runnable spun = () -> {
            burn(burnNanos, 0);
            replay.run();
        };
        Runnable spunTwice = () -> {
            burn(2 * burnNanos, 0);
            replay.run();
        };
        for (int i = 0; i < 300; i++) {
            burnt.run();
            spun.run();
            spunTwice.run();
        }
        String[] parts = {"wall", "before", "to body", "body", "wait", "read", "after"};
        Runnable[] sides = {op, replay, burnt, spun, spunTwice};
        String[] names = {"djorm", "replay", "+alloc", "+spin", "+spin x2"};
        double[][][] into = new double[sides.length][parts.length][steps];
        int stalls = 0;
        for (int i = 0; i < steps; i++) {
            for (int t = 0; t < sides.length; t++) {
                int side = (i + t) % sides.length;
                long start = System.nanoTime();
                sides[side].run();
                long end = System.nanoTime();
                ExchangeSplit s = side == 0 ? djormSplit : rawSplit;
                long[] at = {start, s.entered, s.bodyStart, s.bodyEnd, s.headers, Math.max(s.closed, s.lastRead), end};
                double[][] d = into[side];
                d[0][i] = (end - start) / 1e3;
                for (int p = 1; p < parts.length; p++) d[p][i] = (at[p] - at[p - 1]) / 1e3;
                if (d[0][i] > 10_000 && stalls++ < 10) {
                    System.out.printf(Locale.ROOT, "  stall: step %d, %s, turn %d; us:", i, names[side], t);
                    for (int p = 0; p < parts.length; p++) System.out.printf(Locale.ROOT, " %s %.0f", parts[p], d[p][i]);
                    System.out.println();
                }
            }
        }
        System.out.printf(Locale.ROOT, "sides in turn, %d steps, burn %.0f us and %d bytes; %d slower than 10 ms;"
                + " us median (mean):%n", steps, burnNanos / 1e3, burnBytes, stalls);
        for (int p = 0; p < parts.length; p++) {
            System.out.printf(Locale.ROOT, "  %-8s", parts[p]);
            for (int side = 0; side < sides.length; side++) {
                System.out.printf(Locale.ROOT, " %s %7.1f (%7.1f)", names[side], median(into[side][p]), mean(into[side][p]));
            }
            System.out.println();
        }
        alone("djorm", steps, op);
        alone("replay", steps, replay);
    }

    private static long cpuPerOp(Runnable op, int n) {
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long t = THREADS.getCurrentThreadCpuTime();
            op.run();
            cpu[i] = THREADS.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(cpu);
        return cpu[n / 2];
    }

    /** Spends {@code nanos} of this thread's CPU allocating and filling arrays, {@code bytes} in all. */
    private static void burn(long nanos, long bytes) {
        long end = THREADS.getCurrentThreadCpuTime() + nanos;
        long made = 0;
        long sink = 0;
        while (THREADS.getCurrentThreadCpuTime() < end) {
            if (made < bytes) {
                byte[] b = new byte[1024];
                Arrays.fill(b, (byte) made);
                sink += b[made % 1024 == 0 ? 1 : 0];
                made += 1024;
            } else {
                for (int i = 0; i < 1000; i++) sink += i * sink;
            }
        }
        if (sink == 42) System.out.print("");
    }

    /** Part 3: one side alone; process CPU against the client thread's, the other threads' by name. */
    private static void alone(String side, int steps, Runnable op) {
        Map<String, Long> before = threadCpu();
        long process = OS.getProcessCpuTime();
        long thread = THREADS.getCurrentThreadCpuTime();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount -= gc.getCollectionCount();
            gcMillis -= gc.getCollectionTime();
        }
        long wall = System.nanoTime();
        for (int i = 0; i < steps; i++) op.run();
        wall = System.nanoTime() - wall;
        thread = THREADS.getCurrentThreadCpuTime() - thread;
        process = OS.getProcessCpuTime() - process;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += gc.getCollectionCount();
            gcMillis += gc.getCollectionTime();
        }
        Map<String, Long> after = threadCpu();
        StringBuilder others = new StringBuilder();
        for (var e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > steps * 1000L && !e.getKey().equals("java")) { // more than 1 us per op; "java": the main thread
                others.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), delta / 1e3 / steps));
            }
        }
        System.out.printf(Locale.ROOT, "  %s alone, %d ops, us per op: wall %.1f, client thread CPU %.1f, process CPU %.1f"
                        + " (other threads %.1f: threads of more than 1 us an op:%s); %d collections, %d ms%n", side, steps, wall / 1e3 / steps,
                thread / 1e3 / steps, process / 1e3 / steps, (process - thread) / 1e3 / steps, others, gcCount, gcMillis);
    }

    /** Every thread of this process (the JVM's own too: compiler, collector), CPU nanoseconds by name. */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> out = new HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return out;
        for (java.io.File task : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip().replaceAll("[0-9#]+$", "");
                String schedstat = java.nio.file.Files.readString(task.toPath().resolve("schedstat"));
                out.merge(name, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))), Long::sum);
            } catch (java.io.IOException | RuntimeException gone) {
                // the thread ended
            }
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }
}
