package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Book;
import io.djorm.core.DoesNotExist;
import io.djorm.core.GetOrCreate;
import io.djorm.core.IntegrityError;
import io.djorm.core.MultipleObjectsReturned;
import io.djorm.core.expressions.F;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every async twin against a real database, concurrency, callbacks and exceptions. */
class AsyncCallsTest extends AsyncBackendTest {

    private static List<Book> seed(int n) {
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < n; i++) books.add(Book.of("book-" + i, i));
        return Book.objects().bulkCreate(books);
    }

    @Test
    void aThousandConcurrentGetsEachReturnTheirOwnRow() {
        seed(200);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Book>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(Async.of(Book.objects()).getAsync("title", "book-" + (i % 200))
                    .whenComplete((b, e) -> threads.add(Thread.currentThread().getName())));
        }
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
        for (int i = 0; i < 1000; i++) {
            Book b = futures.get(i).join();
            assertThat(b.title).isEqualTo("book-" + (i % 200));
            assertThat(b.pages).isEqualTo(i % 200);
        }
        assertThat(threads).noneMatch(name -> name.startsWith("djorm-async"));
    }

    @Test
    void concurrentWritesOnSeveralConnectionsAllLand() {
        List<CompletableFuture<Book>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) futures.add(Async.of(Book.objects()).createAsync("title", "w" + i, "pages", i));
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
        assertThat(futures).allMatch(f -> f.join().pk() != null);
        assertThat(Book.objects().count()).isEqualTo(200);
        assertThat(Book.objects().valuesListFlat("pages", Integer.class).list().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(199 * 200 / 2);
    }

    @Test
    void aCallbackThatStartsAnotherQueryCompletes() {
        seed(10);
        CompletableFuture<Long> longer = Async.of(Book.objects()).getAsync("title", "book-6")
                .thenCompose(b -> Async.of(Book.objects().filter("pages__gt", b.pages)).countAsync());
        assertThat(await(longer)).isEqualTo(3L);
        // join() inside a plain callback (no thenCompose) must not deadlock either: it runs off the workers.
        CompletableFuture<Long> nested = Async.of(Book.objects()).firstAsync()
                .thenApply(b -> Async.of(Book.objects().filter("pages__gte", b.orElseThrow().pages)).countAsync().join());
        assertThat(await(nested)).isEqualTo(10L);
    }

    @Test
    void exceptionsTravelToTheFutureUnchanged() {
        seed(3);
        CompletableFuture<Book> missing = Async.of(Book.objects()).getAsync("title", "nope");
        assertThatThrownBy(() -> missing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DoesNotExist.class)
                .hasMessageContaining("does not exist");
        String handled = await(missing.exceptionally(e -> null).thenApply(x -> "handled"));
        assertThat(handled).isEqualTo("handled");
        Throwable seen = await(missing.handle((b, e) -> e));
        assertThat(seen).isInstanceOf(DoesNotExist.class);

        CompletableFuture<Book> twice = Async.of(Book.objects().filter("pages__lt", 5)).getAsync();
        assertThatThrownBy(() -> twice.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(MultipleObjectsReturned.class);

        CompletableFuture<Book> duplicate = Async.of(Book.objects()).createAsync("title", "book-1");
        assertThatThrownBy(() -> duplicate.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IntegrityError.class);
        assertThat(Book.objects().count()).isEqualTo(3);
    }

    @Test
    void readTwinsMatchTheSyncCalls() {
        seed(20);
        var books = Async.of(Book.objects());
        assertThat(await(books.countAsync())).isEqualTo(20L);
        assertThat(await(books.existsAsync())).isTrue();
        assertThat(await(Async.of(Book.objects().filter("pages__gt", 100)).existsAsync())).isFalse();
        assertThat(await(books.firstAsync()).map(b -> b.title)).contains("book-0");
        assertThat(await(books.lastAsync()).map(b -> b.title)).contains("book-19");
        assertThat(await(books.listAsync())).hasSize(20);
        assertThat(await(Async.of(Book.objects().orderBy("-pages")).atAsync(2)).pages).isEqualTo(17);
        var ordered = Async.of(Book.objects().filter("pages__lt", 3).orderBy("pages"));
        assertThat(await(ordered.listAsync())).extracting(b -> b.title).containsExactly("book-0", "book-1", "book-2");
        assertThat(await(Async.of(Book.objects().filter("pages__lt", 2).orderBy("pages").values("title")).listAsync()))
                .containsExactly(Map.of("title", "book-0"), Map.of("title", "book-1"));
        assertThat(await(Async.of(Book.objects().orderBy("pages").valuesListFlat("pages", Integer.class)).listAsync()))
                .hasSize(20).startsWith(0, 1, 2);
        Object pk = Book.objects().get("title", "book-4").pk();
        assertThat(await(books.inBulkAsync(List.of(pk)))).containsOnlyKeys(pk);
        assertThat(await(Async.of(Book.objects().all()).inBulkAsync(List.of("book-5"), "title"))).containsOnlyKeys("book-5");
        assertThat(await(Async.of(Book.objects().all()).explainAsync())).isNotBlank();
        assertThat(await(books.getAsync(io.djorm.core.Q.of("pages", 7))).title).isEqualTo("book-7");
    }

    @Test
    void writeTwinsMatchTheSyncCalls() {
        var books = Async.of(Book.objects());
        Book created = await(books.createAsync("title", "Dune", "pages", 412));
        assertThat(created.pk()).isNotNull();
        assertThat(await(books.createAsync(Map.of("title", "Emma", "pages", 300))).pages).isEqualTo(300);

        GetOrCreate<Book> found = await(books.getOrCreateAsync(Map.of("title", "Dune")));
        assertThat(found.created()).isFalse();
        GetOrCreate<Book> made = await(books.getOrCreateAsync(Map.of("title", "Ulysses"), Map.of("pages", 730)));
        assertThat(made.created()).isTrue();
        GetOrCreate<Book> updated = await(books.updateOrCreateAsync(Map.of("title", "Emma"), Map.of("pages", 301)));
        assertThat(updated.created()).isFalse();
        assertThat(Book.objects().get("title", "Emma").pages).isEqualTo(301);

        List<Book> many = await(books.bulkCreateAsync(List.of(Book.of("a", 1), Book.of("b", 2))));
        assertThat(many).allMatch(b -> b.pk() != null);
        many.forEach(b -> b.pages = 50);
        assertThat(await(books.bulkUpdateAsync(many, "pages"))).isEqualTo(2L);
        assertThat(await(Async.of(Book.objects().filter("pages", 50)).countAsync())).isEqualTo(2L);

        assertThat(await(Async.of(Book.objects().filter("title__in", List.of("a", "b")))
                .updateAsync("pages", F.of("pages").plus(1)))).isEqualTo(2L);
        assertThat(Book.objects().get("title", "a").pages).isEqualTo(51);
        assertThat(await(Async.of(Book.objects().filter("title", "b")).deleteAsync()).total()).isEqualTo(1L);
        assertThat(Book.objects().filter("title", "b").exists()).isFalse();
    }

    @Test
    void instanceTwinsSaveDeleteAndRefresh() {
        Book book = Book.of("Middlemarch", 880);
        assertThat(await(Async.of(book).saveAsync())).isSameAs(book);
        assertThat(book.pk()).isNotNull();
        book.pages = 900;
        await(Async.of(book).saveAsync("pages"));
        assertThat(Book.objects().get("title", "Middlemarch").pages).isEqualTo(900);

        Book.objects().filter("title", "Middlemarch").update("pages", 901);
        assertThat(await(Async.of(book).refreshFromDbAsync()).pages).isEqualTo(901);

        assertThat(await(Async.of(book).deleteAsync()).total()).isEqualTo(1L);
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void supplyRunsAnySyncWorkOnAWorkerThread() {
        seed(5);
        String thread = await(Async.supply(() -> Thread.currentThread().getName()));
        assertThat(thread).startsWith("djorm-async-default-");
        assertThat(await(Async.supply(() -> Book.objects().filter("pages__gte", 3).count()))).isEqualTo(2L);
    }

    @Test
    void workThatLeavesAnAtomicBlockOpenIsRolledBackAndFails() {
        CompletableFuture<Object> leaky = Async.supply(() -> {
            io.djorm.core.Transaction.begin();
            Book.objects().create("title", "leaked");
            return null;
        });
        assertThatThrownBy(() -> leaky.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.TransactionManagementError.class).hasMessageContaining("atomic block open");
        assertThat(Book.objects().filter("title", "leaked").exists()).isFalse();
        // The worker is clean afterwards: its next work commits on its own.
        await(Async.of(Book.objects()).createAsync("title", "fine"));
        assertThat(Book.objects().filter("title", "fine").exists()).isTrue();
    }

    @Test
    void futuresAreCallbackFuturesWhoseAsyncStagesAvoidWorkers() {
        seed(1);
        CompletableFuture<String> where = Async.of(Book.objects()).countAsync()
                .thenApplyAsync(n -> Thread.currentThread().getName());
        assertThat(await(where)).doesNotStartWith("djorm-async");
        assertThat(await(Async.of(Book.objects()).firstAsync())).isNotEqualTo(Optional.empty());
    }
}
