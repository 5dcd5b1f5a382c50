package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.FieldError;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.F;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.Min;
import io.djorm.core.expressions.Sum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** aggregateAsync on managers and querysets: every overload, the sync results, the sync exceptions. */
class AsyncAggregateTest extends AsyncBackendTest {

    /** Ten books with 10, 20, ..., 100 pages. */
    @BeforeEach
    void seed() {
        List<Book> books = new ArrayList<>();
        for (int i = 1; i <= 10; i++) books.add(Book.of("book-" + i, i * 10));
        Book.objects().bulkCreate(books);
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    @Test
    void namedPairsOnTheManagerMatchTheSyncCall() {
        Map<String, Object> result = await(Async.of(Book.objects())
                .aggregateAsync("total", new Sum("pages"), "longest", new Max("pages"), "books", new Count("id")));
        assertThat(result).containsOnlyKeys("total", "longest", "books");
        assertThat(asLong(result.get("total"))).isEqualTo(550L);
        assertThat(asLong(result.get("longest"))).isEqualTo(100L);
        assertThat(result.get("books")).isEqualTo(10L);
        assertThat(result).isEqualTo(Book.objects()
                .aggregate("total", new Sum("pages"), "longest", new Max("pages"), "books", new Count("id")));
    }

    @Test
    void defaultNamesAndMapsOnAFilteredQueryset() {
        var longOnes = Async.of(Book.objects().filter("pages__gt", 50));
        Map<String, Object> byDefaultName = await(longOnes.aggregateAsync(new Avg("pages"), new Min("pages")));
        assertThat(byDefaultName).containsOnlyKeys("pages__avg", "pages__min");
        assertThat(byDefaultName.get("pages__avg")).isEqualTo(80.0);
        assertThat(asLong(byDefaultName.get("pages__min"))).isEqualTo(60L);

        Map<String, Expression> wanted = new LinkedHashMap<>();
        wanted.put("shortest", new Min("pages"));
        wanted.put("n", new Count("id"));
        Map<String, Object> byMap = await(Async.of(Book.objects()).aggregateAsync(wanted));
        assertThat(byMap.keySet()).containsExactly("shortest", "n");
        assertThat(asLong(byMap.get("shortest"))).isEqualTo(10L);
        assertThat(byMap.get("n")).isEqualTo(10L);
        assertThat(await(longOnes.aggregateAsync(wanted)).get("n")).isEqualTo(5L);
    }

    @Test
    void anEmptyQuerysetAggregatesToNullAndZero() {
        Map<String, Object> none = await(Async.of(Book.objects().filter("pages__gt", 1000))
                .aggregateAsync("total", new Sum("pages"), "n", new Count("id")));
        assertThat(none).containsEntry("total", null).containsEntry("n", 0L);
    }

    @Test
    void concurrentAggregatesEachAnswerTheirOwnQuery() {
        List<CompletableFuture<Map<String, Object>>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int atLeast = (i % 10 + 1) * 10;
            futures.add(Async.of(Book.objects().filter("pages__gte", atLeast)).aggregateAsync(new Count("id")));
        }
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
        for (int i = 0; i < 100; i++) {
            assertThat(futures.get(i).join()).containsEntry("id__count", (long) (10 - i % 10));
        }
    }

    @Test
    void theFutureCompletesOffTheWorkers() {
        String thread = await(Async.of(Book.objects()).aggregateAsync(new Sum("pages"))
                .thenApply(r -> Thread.currentThread().getName()));
        assertThat(thread).doesNotStartWith("djorm-async");
    }

    @Test
    void mistakesFailTheFutureWithTheSyncExceptions() {
        CompletableFuture<Map<String, Object>> notAnAggregate =
                Async.of(Book.objects()).aggregateAsync("p", F.of("pages"));
        assertThatThrownBy(() -> notAnAggregate.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(FieldError.class).hasMessageContaining("annotate()");

        CompletableFuture<Map<String, Object>> nothing = Async.of(Book.objects().all()).aggregateAsync(Map.of());
        assertThatThrownBy(() -> nothing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.ValueError.class).hasMessageContaining("at least one aggregate");

        CompletableFuture<Map<String, Object>> unknown = Async.of(Book.objects()).aggregateAsync(new Sum("nope"));
        assertThatThrownBy(() -> unknown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(FieldError.class).hasMessageContaining("nope");
    }

    @Test
    void insideAnAsyncTransactionItSeesTheTransactionsOwnWrites() {
        Map<String, Object> seen = await(Async.atomic(tx -> tx.of(Book.objects()).createAsync("title", "extra", "pages", 450)
                .thenCompose(b -> tx.of(Book.objects()).aggregateAsync("total", new Sum("pages")))));
        assertThat(asLong(seen.get("total"))).isEqualTo(1000L);
    }
}
