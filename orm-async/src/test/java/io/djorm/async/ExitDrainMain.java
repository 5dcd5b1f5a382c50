package io.djorm.async;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The program {@link ExitDrainTest} runs in a child JVM: it configures djorm from its arguments
 * ({@code ENGINE NAME [SYNC_URL]}), starts {@code count} async creates without awaiting any of them,
 * and returns from main.
 */
public final class ExitDrainMain {
    private ExitDrainMain() {
    }

    /**
     * Args: count, ENGINE, NAME, SYNC_URL or "-"; optionally exitTimeout in ms, which also makes one
     * worker that is busy for two seconds from before the creates, so that they are still queued at exit.
     */
    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        Map<String, Object> db = new HashMap<>();
        db.put("ENGINE", args[1]);
        db.put("NAME", args[2]);
        if (!args[3].equals("-")) db.put("SYNC_URL", args[3]);
        db.put("OPTIONS", Map.of("TIMEOUT", 20));
        if (args[1].equals("sqlite")) db.remove("OPTIONS");
        Djorm.configure(Map.of("DATABASES", Map.of("default", db), "INSTALLED_APPS", List.of("io.djorm.async.demo")));
        if (args.length > 4) {
            Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults().workers(1)
                    .exitTimeout(Duration.ofMillis(Long.parseLong(args[4]))));
            CountDownLatch busy = new CountDownLatch(1);
            Async.supply(() -> {
                busy.countDown();
                sleep(2_000);
                return null;
            });
            await(busy);
        }
        for (int i = 0; i < count; i++) {
            // Not awaited: a failure is only printed, for the test to show.
            Async.of(Book.objects()).createAsync("title", "exit-" + i, "pages", i)
                    .whenComplete((book, error) -> {
                        if (error != null) System.err.println("create failed: " + error);
                    });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
