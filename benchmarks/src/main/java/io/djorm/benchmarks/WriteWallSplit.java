package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.benchmarks.remote.Publisher;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.LibsqlTestServer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * A diagnostic, not a judge: where the wall time of a short remote write goes, djorm against the same
 * requests replayed bare, alternating run by run on the libSQL-engine test server. Per run of each side
 * it notes the wall and client-thread CPU time, the bytes the thread allocated, the garbage collections
 * that ended during the run, the thread's voluntary and involuntary context switches
 * ({@code /proc/thread-self/status}) and the exchange split by {@link Stamps} into the work before the
 * request, writing it, waiting for the answer's headers, reading the answer, and the work after it, each
 * in wall and in CPU time. Prints means (with twice the standard error of djorm's excess, paired step by
 * step) and medians of each figure per side; then, over 200 more runs, how many TCP sockets to the server
 * each side added (a new connection shows there). Operations: {@code update}, {@code create}, {@code made}
 * (the create with its books made untimed) and {@code interceptors} (djorm with the benchmark's two
 * interceptors against djorm without them). {@code -DwarmSeconds=4} sets the warm-up of each comparison.
 *
 * <pre>benchmarks/run.sh WriteWallSplit [runs] [update|create|made|interceptors...]</pre>
 */
public final class WriteWallSplit {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] FIGURES = {"wall us", "cpu us", "alloc KiB", "GCs", "vol. switches",
        "invol. switches", "before us", "write us", "wait us", "read us", "after us", "before cpu us", "wait cpu us",
        "read cpu us", "after cpu us"};

    /** {@code -DwarmSeconds=4}: how long each comparison is warmed up, its sides alternating. */
    private static final long WARM_UP_NANOS = (long) (Double.parseDouble(System.getProperty("warmSeconds", "4")) * 1e9);

    private WriteWallSplit() {
    }

    /** Runs the chosen writes and prints a table for each. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("update", "create");
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            Stamps djormSplit = new Stamps();
            Stamps rawSplit = new Stamps();
            RequestRecorder recorder = new RequestRecorder();
            // "bare": the same server through an alias without the benchmark's two interceptors, to weigh them.
            Stamps bareSplit = new Stamps();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(new RoundTripCounter(), recorder, djormSplit))),
                    "bare", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(bareSplit))))));
            OkHttpClient raw = RequestRecorder.HTTP.newBuilder().addInterceptor(rawSplit).build();
            int port = Integer.parseInt(server.url().replaceAll(".*:(\\d+).*", "$1"));
            try {
                Library.seed();
                Author author = Author.objects().orderBy("pk").first().orElseThrow();
                Publisher publisher = Publisher.objects().orderBy("pk").first().orElseThrow();
                if (only.contains("update")) {
                    compare("update() with F", runs, port, djormSplit, rawSplit, raw, recorder,
                            () -> { }, () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
                }
                if (only.contains("interceptors")) {
                    sides("update() with F: djorm with the benchmark's interceptors (a) and without (b)", runs,
                            djormSplit, bareSplit,
                            () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)),
                            () -> Book.objects().using("bare").filter("pages__lt", 200).update("price", F("price").plus(0.5)));
                    sides("create x50: djorm with the benchmark's interceptors (a) and without (b)", runs,
                            djormSplit, bareSplit,
                            () -> Transaction.atomic(() -> {
                                for (int i = 0; i < 50; i++) Library.book("tx-" + i, i, author, publisher).save();
                            }),
                            () -> Transaction.atomic("bare", () -> {
                                for (int i = 0; i < 50; i++) {
                                    Library.book("tx-" + i, i, author, publisher).save(io.djorm.core.SaveOptions.using("bare"));
                                }
                            }));
                }
                if (only.contains("made")) {
                    // The create with its 50 books made untimed before each run of either side, to tell the
                    // application's work of making them from djorm's of saving them.
                    List<Book> made = new ArrayList<>();
                    Runnable make = () -> {
                        made.clear();
                        for (int i = 0; i < 50; i++) made.add(Library.book("tx-" + i, i, author, publisher));
                    };
                    compare("create x50 in a transaction, books made untimed", runs, port, djormSplit, rawSplit, raw,
                            recorder, make, () -> Transaction.atomic(() -> made.forEach(Book::save)));
                }
                if (only.contains("create")) {
                    compare("create x50 in a transaction", runs, port, djormSplit, rawSplit, raw, recorder,
                            () -> { }, () -> Transaction.atomic(() -> {
                                for (int i = 0; i < 50; i++) Library.book("tx-" + i, i, author, publisher).save();
                            }));
                }
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** Two djorm sides alternating, as {@link #compare} does djorm and the replay. */
    private static void sides(String name, int runs, Stamps aSplit, Stamps bSplit, Runnable a, Runnable b) {
        for (long end = System.nanoTime() + WARM_UP_NANOS; System.nanoTime() - end < 0; ) {
            a.run();
            b.run();
        }
        double[][] as = new double[FIGURES.length][runs];
        double[][] bs = new double[FIGURES.length][runs];
        alternate(runs, () -> { }, 0, a, aSplit, as, b, bSplit, bs);
        System.out.printf(Locale.ROOT, "%n%s, %d runs a side, alternating, %s (a in the djorm columns, b in the raw ones)%n%n",
                name, runs, java.time.Instant.now());
        table(runs, as, bs);
    }

    /** Times {@code a} and {@code b} {@code runs} times each, alternating which goes first, {@code setup} untimed before each. */
    private static void alternate(int runs, Runnable setup, int port, Runnable a, Stamps aSplit, double[][] as,
                                  Runnable b, Stamps bSplit, double[][] bs) {
        for (int i = 0; i < runs; i++) {
            boolean aFirst = i % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean isA = aFirst == (turn == 0);
                setup.run();
                time(isA ? a : b, isA ? aSplit : bSplit, port, isA ? as : bs, i);
            }
        }
    }

    private static void compare(String name, int runs, int port, Stamps djormSplit, Stamps rawSplit,
                                OkHttpClient raw, RequestRecorder recorder, Runnable setup, Runnable op) throws IOException {
        setup.run();
        recorder.start();
        op.run();
        List<RequestRecorder.Sent> sent = recorder.stop();
        Runnable replay = () -> RequestRecorder.post(raw, sent);
        for (long end = System.nanoTime() + WARM_UP_NANOS; System.nanoTime() - end < 0; ) {
            setup.run();
            op.run();
            replay.run();
        }
        double[][] djorm = new double[FIGURES.length][runs];
        double[][] bare = new double[FIGURES.length][runs];
        alternate(runs, setup, port, op, djormSplit, djorm, replay, rawSplit, bare);
        // Then a shorter stretch that counts the sockets around every run (a process start each, so untimed).
        long[] newSockets = new long[2];
        for (int i = 0; i < 200; i++) {
            setup.run();
            long before = sockets(port);
            op.run();
            long middle = sockets(port);
            replay.run();
            newSockets[0] += middle - before;
            newSockets[1] += sockets(port) - middle;
        }
        System.out.printf(Locale.ROOT, "%nSockets to the server added over 200 runs: djorm %d, raw %d%n", newSockets[0], newSockets[1]);
        System.out.printf(Locale.ROOT, "%n%s, %d runs a side, alternating, %s, %d requests a run%n%n", name, runs,
                java.time.Instant.now(), sent.size());
        table(runs, djorm, bare);
    }

    private static void table(int runs, double[][] djorm, double[][] bare) {
        System.out.println("| figure | djorm mean | raw mean | djorm - raw, mean ± 2 SE (paired by step) | djorm median | raw median"
                + " | djorm - raw, median |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int f = 0; f < FIGURES.length; f++) {
            double dm = mean(djorm[f]);
            double rm = mean(bare[f]);
            double dmed = median(djorm[f]);
            double rmed = median(bare[f]);
            double[] diff = new double[runs];
            for (int i = 0; i < runs; i++) diff[i] = djorm[f][i] - bare[f][i];
            double dmean = mean(diff);
            double var = 0;
            for (double x : diff) var += (x - dmean) * (x - dmean);
            double twoSe = 2 * Math.sqrt(var / (runs - 1) / runs);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f ± %.2f | %.2f | %.2f | %+.2f |%n", FIGURES[f], dm, rm,
                    dmean, twoSe, dmed, rmed, dmed - rmed);
        }
    }

    private static void time(Runnable op, Stamps split, int port, double[][] into, int i) {
        long[] switches = switches();
        long gcs = gcCount();
        long alloc = THREAD.getCurrentThreadAllocatedBytes();
        long cpu = THREAD.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        op.run();
        long end = System.nanoTime();
        long cpuEnd = THREAD.getCurrentThreadCpuTime();
        into[1][i] = (cpuEnd - cpu) / 1e3;
        into[0][i] = (end - start) / 1e3;
        into[2][i] = (THREAD.getCurrentThreadAllocatedBytes() - alloc) / 1024.0;
        into[3][i] = gcCount() - gcs;
        long[] after = switches();
        into[4][i] = after[0] - switches[0];
        into[5][i] = after[1] - switches[1];
        into[6][i] = (split.entered - start) / 1e3;
        into[7][i] = (split.bodyEnd - split.bodyStart) / 1e3;
        into[8][i] = (split.headers - split.bodyEnd) / 1e3;
        into[9][i] = (split.closed - split.headers) / 1e3;
        into[10][i] = (end - split.closed) / 1e3;
        into[11][i] = (split.cpuEntered - cpu) / 1e3;
        into[12][i] = (split.cpuHeaders - split.cpuBodyEnd) / 1e3;
        into[13][i] = (split.cpuClosed - split.cpuHeaders) / 1e3;
        into[14][i] = (cpuEnd - split.cpuClosed) / 1e3;
    }

    /**
     * Like {@link ExchangeSplit}, with the thread's CPU clock read beside the wall clock at each point, so
     * that a phase's wall time can be told from the client's own work in it.
     */
    static final class Stamps implements okhttp3.Interceptor {
        long entered;
        long bodyStart;
        long bodyEnd;
        long headers;
        long closed;
        long cpuEntered;
        long cpuBodyEnd;
        long cpuHeaders;
        long cpuClosed;

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            entered = System.nanoTime();
            cpuEntered = THREAD.getCurrentThreadCpuTime();
            okhttp3.Request request = chain.request();
            okhttp3.RequestBody body = request.body();
            if (body != null) request = request.newBuilder().method(request.method(), timed(body)).build();
            okhttp3.Response response = chain.proceed(request);
            headers = System.nanoTime();
            cpuHeaders = THREAD.getCurrentThreadCpuTime();
            okhttp3.ResponseBody original = response.body();
            okio.BufferedSource source = okio.Okio.buffer(new okio.ForwardingSource(original.source()) {
                @Override
                public void close() throws IOException {
                    closed = System.nanoTime();
                    cpuClosed = THREAD.getCurrentThreadCpuTime();
                    super.close();
                }
            });
            return response.newBuilder().body(okhttp3.ResponseBody.create(source, original.contentType(),
                    original.contentLength())).build();
        }

        private okhttp3.RequestBody timed(okhttp3.RequestBody body) {
            return new okhttp3.RequestBody() {
                @Override
                public okhttp3.MediaType contentType() {
                    return body.contentType();
                }

                @Override
                public long contentLength() throws IOException {
                    return body.contentLength();
                }

                @Override
                public void writeTo(okio.BufferedSink sink) throws IOException {
                    bodyStart = System.nanoTime();
                    body.writeTo(sink);
                    bodyEnd = System.nanoTime();
                    cpuBodyEnd = THREAD.getCurrentThreadCpuTime();
                }
            };
        }
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += gc.getCollectionCount();
        return n;
    }

    /** The calling thread's voluntary and involuntary context switches so far. */
    private static long[] switches() {
        try {
            long[] out = new long[2];
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) out[0] = Long.parseLong(line.substring(24).trim());
                if (line.startsWith("nonvoluntary_ctxt_switches:")) out[1] = Long.parseLong(line.substring(27).trim());
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many TCP sockets, in any state, have the server's port at one end (a new connection adds some). */
    private static long sockets(int port) {
        try {
            Process p = new ProcessBuilder("ss", "-tanH").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return text.lines().filter(l -> l.contains(":" + port + " ")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return s / n;
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return s[s.length / 2];
    }
}
