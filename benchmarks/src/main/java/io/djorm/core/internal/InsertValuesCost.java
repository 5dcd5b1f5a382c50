package io.djorm.core.internal;

import io.djorm.benchmarks.remote.Author;
import io.djorm.benchmarks.remote.Book;
import io.djorm.benchmarks.remote.Library;
import io.djorm.benchmarks.remote.Publisher;
import io.djorm.core.Djorm;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ORM's own piece of bulkCreate 1,000 books before any backend sees it: each book's values read,
 * converted and checked into the two INSERT statements ({@link InsertSql}), as client-thread CPU and
 * bytes allocated per operation (medians of the rounds), on an in-memory SQLite alias. In this package
 * because InsertSql is internal.
 *
 * <pre>java -cp (the classpath benchmarks/run.sh builds) io.djorm.core.internal.InsertValuesCost [rounds] [opsPerRound]</pre>
 */
public final class InsertValuesCost {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private InsertValuesCost() {
    }

    /** Times the statements' values for 1,000 books. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", ":memory:"))));
        try {
            Library.seed();
            Author author = Author.objects().orderBy("pk").first().orElseThrow();
            Publisher publisher = Publisher.objects().orderBy("pk").first().orElseThrow();
            List<Book> books = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) books.add(Library.book("bulk-" + i, i, author, publisher));
            ModelMeta meta = io.djorm.core.Apps.meta(Book.class);
            Dialect d = Djorm.handle("default").database().dialect();
            List<FieldMeta> fields = Persistence.insertFields(meta, books);
            double[] cpu = new double[rounds];
            double[] kib = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long a = THREAD.getCurrentThreadAllocatedBytes();
                long t = THREAD.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    InsertSql.build(d, meta, fields, books.subList(0, 500), true);
                    InsertSql.build(d, meta, fields, books.subList(500, 1000), true);
                }
                cpu[r] = (THREAD.getCurrentThreadCpuTime() - t) / 1e3 / perRound;
                kib[r] = (THREAD.getCurrentThreadAllocatedBytes() - a) / 1024.0 / perRound;
            }
            Arrays.sort(cpu);
            Arrays.sort(kib);
            System.out.printf(Locale.ROOT, "| values of 1,000 books into 2 INSERTs | %.1f (min %.1f) | %.1f |%n",
                    cpu[rounds / 2], cpu[0], kib[rounds / 2]);
        } finally {
            Djorm.shutdown();
        }
    }
}
