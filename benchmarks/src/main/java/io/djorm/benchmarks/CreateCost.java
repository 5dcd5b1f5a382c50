package io.djorm.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.benchmarks.remote.Publisher;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import io.djorm.testkit.LibsqlTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The client-side pieces of the two remote creates (bulkCreate 1,000 books, create x50 in an atomic
 * block) without the socket: each operation runs once against the libSQL-engine test server while its
 * request and reply are recorded, then again and again against the recorded reply, which an interceptor
 * hands back at once ({@link CannedReply}). The pieces, as client-thread CPU and bytes allocated per operation
 * (medians of the rounds):
 * <ul>
 *   <li>{@code construct}: making the 1,000 (or 50) books as {@code Library.book} does;</li>
 *   <li>{@code operation}: djorm's whole operation on books made beforehand (values, the request body,
 *       the canned reply read and the keys set), with no socket;</li>
 *   <li>{@code replay}: what the raw replay does on its side besides the socket: the recorded body copied
 *       and the reply parsed with Jackson's {@code readTree}.</li>
 * </ul>
 *
 * <pre>benchmarks/run.sh CreateCost [rounds] [opsPerRound]</pre>
 *
 * <p>{@code -Donly=bulkCreate} (a start of the pieces' names) runs only those pieces, for a profiler;
 * {@code -Ddump=dir} writes each operation's recorded request and reply there (to compare the bytes two
 * builds send).
 */
public final class CreateCost {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CreateCost() {
    }

    /** Runs the pieces of both operations and prints one line each. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            CannedReply canned = new CannedReply();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(canned))))));
            try {
                Library.seed();
                Author author = Author.objects().orderBy("pk").first().orElseThrow();
                Publisher publisher = Publisher.objects().orderBy("pk").first().orElseThrow();
                System.out.printf(Locale.ROOT, "%s, %d rounds of %d operations, no socket (canned replies)%n%n",
                        java.time.Instant.now(), rounds, perRound);
                System.out.println("| piece | client thread CPU us per operation | KiB allocated per operation |");
                System.out.println("|---|---:|---:|");
                pieces("bulkCreate 1,000", 1000, rounds, perRound, canned,
                        i -> Library.book("bulk-" + i, i, author, publisher), books -> Book.objects().bulkCreate(books));
                pieces("create x50", 50, rounds, perRound, canned,
                        i -> Library.book("tx-" + i, i, author, publisher),
                        books -> Transaction.atomic(() -> books.forEach(Book::save)));
            } finally {
                Djorm.shutdown();
            }
        }
    }

    private static void pieces(String name, int count, int rounds, int perRound, CannedReply canned,
                               java.util.function.IntFunction<Book> make, java.util.function.Consumer<List<Book>> op) {
        java.util.function.Supplier<List<Book>> books = () -> {
            List<Book> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) out.add(make.apply(i));
            return out;
        };
        canned.record();
        op.accept(books.get());
        canned.replyWithRecording();
        String dump = System.getProperty("dump");
        if (dump != null) canned.dump(java.nio.file.Path.of(dump), name.replaceAll("[^A-Za-z0-9]+", "-"));
        measure(name + ": construct", rounds, perRound, () -> { }, books::get);
        List<List<Book>> fresh = new ArrayList<>();
        measure(name + ": operation, no socket", rounds, perRound, () -> fresh.add(books.get()),
                () -> op.accept(fresh.remove(fresh.size() - 1)));
        measure(name + ": replay's client work, no socket", rounds, perRound, () -> { }, canned::replayClientWork);
        canned.passThrough();
    }

    /** Times {@code timed} (after its untimed {@code setup}) in rounds; prints the medians. */
    private static void measure(String name, int rounds, int perRound, Runnable setup, Runnable timed) {
        if (!name.startsWith(System.getProperty("only", ""))) return;
        double[] cpu = new double[rounds];
        double[] kib = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpuTotal = 0;
            long bytes = 0;
            for (int i = 0; i < perRound; i++) {
                setup.run();
                long a = THREAD.getCurrentThreadAllocatedBytes();
                long t = THREAD.getCurrentThreadCpuTime();
                timed.run();
                cpuTotal += THREAD.getCurrentThreadCpuTime() - t;
                bytes += THREAD.getCurrentThreadAllocatedBytes() - a;
            }
            cpu[r] = cpuTotal / 1e3 / perRound;
            kib[r] = bytes / 1024.0 / perRound;
        }
        Arrays.sort(cpu);
        Arrays.sort(kib);
        System.out.printf(Locale.ROOT, "| %s | %.1f (min %.1f) | %.1f |%n", name, cpu[rounds / 2], cpu[0], kib[rounds / 2]);
    }

    /**
     * Passes requests on, records one request and its reply, or answers every request with the recorded
     * reply at once (having read the request's body, as the socket would).
     */
    private static final class CannedReply implements Interceptor {
        private static final MediaType JSON_TYPE = MediaType.get("application/json");
        private enum Mode { PASS, RECORD, CANNED }

        private Mode mode = Mode.PASS;
        private byte[] request;
        private byte[] reply;

        /** Records the next request and its reply (an operation of one round trip), then passes requests on. */
        void record() {
            mode = Mode.RECORD;
        }

        void replyWithRecording() {
            mode = Mode.CANNED;
        }

        void passThrough() {
            mode = Mode.PASS;
        }

        /** Writes the recorded request and reply to {@code <name>.request.json} and {@code <name>.reply.json} in {@code dir}. */
        void dump(java.nio.file.Path dir, String name) {
            try {
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve(name + ".request.json"), request);
                java.nio.file.Files.write(dir.resolve(name + ".reply.json"), reply);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The replay's work on its side: the body handed to the socket (a copy) and the reply read into a tree. */
        void replayClientWork() {
            try {
                Buffer sink = new Buffer();
                sink.write(request);
                sink.clear();
                if (!JSON.readTree(reply).has("results")) throw new IllegalStateException("no results");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            if (mode == Mode.PASS) return chain.proceed(chain.request());
            Buffer body = new Buffer();
            chain.request().body().writeTo(body);
            if (mode == Mode.RECORD) {
                request = body.readByteArray();
                Response response = chain.proceed(chain.request());
                reply = response.body().bytes();
                mode = Mode.PASS;
                return response.newBuilder().body(ResponseBody.create(reply, JSON_TYPE)).build();
            }
            body.clear();
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(reply, JSON_TYPE)).build();
        }
    }
}
