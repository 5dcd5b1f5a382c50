package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.async.Async;
import io.djorm.async.AsyncOptions;
import io.djorm.core.expressions.Sum;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The snippets of docs/async.md. */
class AsyncSnippetsTest extends ShopTest {

    @Test
    void futures() {
        // region async-futures
        CompletableFuture<String> summary = Async.of(Author.objects()).getAsync("name", "Frank Herbert")
                .thenCompose(author -> Async.of(Book.objects().filter("author", author)).countAsync()
                        .thenApply(n -> author.name + " wrote " + n + " books"));
        CompletableFuture<Long> tags = Async.of(Tag.objects()).countAsync();   // runs in parallel
        System.out.println(summary.join() + "; " + tags.join() + " tags");
        // endregion async-futures
        assertThat(summary.join()).isEqualTo("Frank Herbert wrote 2 books");
        assertThat(tags.join()).isEqualTo(2);
    }

    @Test
    void writesIterationAndTransactions() {
        // region async-writes
        List<String> seen = new CopyOnWriteArrayList<>();
        Tag space = Async.of(Tag.objects()).createAsync("name", "space").join();
        space.name = "outer-space";
        Async.of(space).saveAsync("name").join();
        Async.of(Book.objects().orderBy("title")).forEachAsync(100, b -> seen.add(b.title)).join();
        // endregion async-writes
        assertThat(Tag.objects().filter("name", "outer-space").exists()).isTrue();
        assertThat(seen).hasSize(4);

        // region async-atomic
        CompletableFuture<Long> moved = Async.atomic(tx ->
                tx.of(Tag.objects()).createAsync("name", "desert")
                        .thenCompose(tag -> tx.of(Book.objects().filter("title", "Dune")).countAsync()));
        // endregion async-atomic
        assertThat(moved.join()).isEqualTo(1);
        assertThat(Tag.objects().filter("name", "desert").exists()).isTrue();
    }

    @Test
    void relatedManagersAndAggregates() {
        // region async-related
        Author frank = Author.objects().get("name", "Frank Herbert");
        CompletableFuture<Long> books = Async.of(frank.books()).countAsync();                 // await frank.books.acount()
        CompletableFuture<Map<String, Object>> pages = Async.of(Book.objects().all())
                .aggregateAsync("total", new Sum("pages"));                                    // await qs.aaggregate(total=Sum("pages"))
        System.out.println(books.join() + " books, " + pages.join().get("total") + " pages");
        // endregion async-related
        assertThat(books.join()).isEqualTo(2);
        assertThat(pages.join().get("total")).isEqualTo(Book.objects().all().aggregate("t", new Sum("pages")).get("t"));
    }

    @Test
    void timeoutsAndOptions() {
        // region async-timeout
        CompletableFuture<Long> slow = Async.of(Book.objects().filter("title__contains", "e")).countAsync()
                .orTimeout(5, TimeUnit.SECONDS);                                  // the statement stops at the timeout
        // endregion async-timeout
        assertThat(slow.join()).isEqualTo(Book.objects().filter("title__contains", "e").count());

        try {
            // region async-options
            Async.configure("default", AsyncOptions.defaults().workers(4).exitTimeout(Duration.ofSeconds(30)));
            // endregion async-options
            assertThat(Async.of(Book.objects()).countAsync().join()).isEqualTo(4);
        } finally {
            Async.configure("default", AsyncOptions.defaults());
        }
    }
}
