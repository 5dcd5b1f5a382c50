package io.djorm.benchmarks;

import static io.djorm.core.expressions.F.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.benchmarks.remote.Publisher;
import io.djorm.benchmarks.report.RatioSummary;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import io.djorm.testkit.LibsqlTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;

/**
 * The client thread's own work for the remote writes (and two reads), without the socket: each operation runs once against
 * the libSQL-engine test server, recorded ({@link CannedReplies}), then again and again answered from the
 * recording, so that nothing but djorm's work (building, encoding the request, reading the answer) is
 * timed. Beside it, the replay's own work on the same bytes: posting the stored body (written to a sink
 * that discards it) and parsing the answer with Jackson's {@code readTree}. Prints CPU (median of rounds)
 * and KiB allocated per operation; {@code -Ddump=DIR} writes the first recorded request body of each
 * operation there, to compare two builds' bytes.
 *
 * <pre>benchmarks/run.sh ClientSideCost [rounds] [opsPerRound] [operation...]</pre>
 */
public final class ClientSideCost {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private ClientSideCost() {
    }

    /** Runs the operations and prints one line each. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        String dump = System.getProperty("dump");
        try (LibsqlTestServer server = LibsqlTestServer.start()) {
            CannedReplies canned = new CannedReplies();
            Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", server.url(),
                    "OPTIONS", Map.of("INTERCEPTORS", List.of(canned))))));
            try {
                Library.seed();
                System.out.printf(Locale.ROOT, "%s, %d rounds of %d operations (a tenth for the bulk ones and the create x50)%n%n",
                        java.time.Instant.now(), rounds, perRound);
                System.out.println("| operation | requests | djorm CPU us | replay CPU us | djorm KiB | replay KiB |");
                System.out.println("|---|---:|---:|---:|---:|---:|");
                Measure m = new Measure(canned, rounds, only, dump == null ? null : Path.of(dump));
                Author author = Author.objects().orderBy("pk").first().orElseThrow();
                Publisher publisher = Publisher.objects().orderBy("pk").first().orElseThrow();
                int bulkPerRound = Math.max(1, perRound / 10);
                // The creates as the remote comparison times them: making the books is inside the operation.
                m.run("bulkCreate 1,000", bulkPerRound, () -> { }, () -> Book.objects().bulkCreate(books(1000, "bulk-", author, publisher)));
                m.alone("bulkCreate's 1,000 books made alone", bulkPerRound, () -> books(1000, "bulk-", author, publisher));
                m.run("create x50", bulkPerRound, () -> { },
                        () -> Transaction.atomic(() -> books(50, "tx-", author, publisher).forEach(Book::save)));
                List<Book> toUpdate = Book.objects().orderBy("pk").slice(0, 500).list();
                // The comparison sets the new prices untimed (the application's work): timed here apart.
                m.run("bulkUpdate 500", bulkPerRound, () -> { }, () -> Book.objects().bulkUpdate(toUpdate, "price"));
                m.alone("bulkUpdate's price increment alone", bulkPerRound, () -> {
                    for (Book b : toUpdate) b.price = b.price + 0.25;
                });
                m.run("update() with F", perRound, () -> { },
                        () -> Book.objects().filter("pages__lt", 200).update("price", F("price").plus(0.5)));
                m.run("delete with cascade", perRound, Library::restoreDoomedAuthor,
                        () -> Author.objects().filter("pk", Library.DOOMED_AUTHOR).delete());
                // Reads, for what reading their replies costs: the seed's first books (a reply of about 20 KB, and
                // one of about 400 KB), the same rows every run whatever the creates above have added.
                m.run("hydrate 100", perRound, () -> { }, () -> Book.objects().orderBy("pk").slice(0, 100).list());
                m.run("hydrate 2,000", bulkPerRound, () -> { }, () -> Book.objects().orderBy("pk").slice(0, Library.BOOKS).list());
            } finally {
                Djorm.shutdown();
            }
        }
    }

    /** {@code n} new books as the remote comparison makes them. */
    private static List<Book> books(int n, String title, Author author, Publisher publisher) {
        List<Book> books = new ArrayList<>(n);
        for (int i = 0; i < n; i++) books.add(Library.book(title + i, i, author, publisher));
        return books;
    }

    /** Records, then times djorm on canned answers and the replay's own work on the same bytes. */
    private record Measure(CannedReplies canned, int rounds, List<String> only, Path dump) {
        void run(String name, int perRound, Runnable setup, Runnable op) throws IOException {
            if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) return;
            setup.run();
            canned.record();
            op.run();
            List<CannedReplies.Exchange> sent = canned.recorded();
            canned.answerCanned();
            if (dump != null) {
                Files.createDirectories(dump);
                Files.write(dump.resolve(name.replaceAll("\\W+", "_") + ".json"), sent.get(0).request());
            }
            Runnable replay = () -> {
                for (CannedReplies.Exchange e : sent) replay(e);
            };
            for (int i = 0; i < 20 * perRound; i++) op.run(); // warm-up
            for (int i = 0; i < 20 * perRound; i++) replay.run();
            double[][] djorm = time(op, perRound);
            double[][] raw = time(replay, perRound);
            canned.passThrough();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sent.size(),
                    median(djorm[0]), median(raw[0]), median(djorm[1]), median(raw[1]));
        }

        /** Times work that sends nothing, with no replay beside it. */
        void alone(String name, int perRound, Runnable work) {
            if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) return;
            for (int i = 0; i < 20 * perRound; i++) work.run();
            double[][] cost = time(work, perRound);
            System.out.printf(Locale.ROOT, "| %s | 0 | %.1f | | %.1f | |%n", name, median(cost[0]), median(cost[1]));
        }

        private double[][] time(Runnable op, int perRound) {
            double[] cpu = new double[rounds];
            double[] kib = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long allocated = THREAD.getCurrentThreadAllocatedBytes();
                long t = THREAD.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) op.run();
                cpu[r] = (THREAD.getCurrentThreadCpuTime() - t) / 1e3 / perRound;
                kib[r] = (THREAD.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / perRound;
            }
            return new double[][] {cpu, kib};
        }

        /** What the replay does besides the socket: writes the stored body, parses the whole answer. */
        private static void replay(CannedReplies.Exchange e) {
            try {
                BufferedSink discard = Okio.buffer(Okio.blackhole());
                RequestBody.create(e.request(), JSON).writeTo(discard);
                discard.flush();
                JsonNode answer = JSON_READER.readTree(e.reply());
                for (JsonNode result : answer.get("results")) {
                    if ("error".equals(result.path("type").asText())) throw new IllegalStateException("failed: " + result);
                }
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return RatioSummary.quantile(sorted, 0.5);
        }
    }
}
