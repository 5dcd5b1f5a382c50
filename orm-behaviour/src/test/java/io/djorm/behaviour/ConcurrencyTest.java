package io.djorm.behaviour;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 4, point 1: {@code update(pages = F(pages) + 1)} is one statement, so no concurrent increment is lost. */
class ConcurrencyTest extends BehaviourTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 500;

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void eightThreadsIncrementOneRowWithoutLosingAny() throws Exception {
        Book counter = Book.objects().create("title", "Counter", "pages", 0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    long matched = 0;
                    for (int i = 0; i < INCREMENTS; i++) {
                        matched += Book.objects().filter("pk", counter.pk()).update("pages", F("pages").plus(1));
                    }
                    return matched;
                }));
            }
            long matched = 0;
            for (Future<Long> f : done) matched += f.get(10, TimeUnit.MINUTES);
            assertThat(matched).isEqualTo((long) THREADS * INCREMENTS);
        } finally {
            pool.shutdownNow();
        }
        if (backend.equals("libsql-replica")) io.djorm.core.Djorm.connection().syncReplica();
        assertThat(Book.objects().get("pk", counter.pk()).pages).isEqualTo(THREADS * INCREMENTS);
    }
}
