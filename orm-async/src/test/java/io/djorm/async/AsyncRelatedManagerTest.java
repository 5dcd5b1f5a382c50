package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.async.demo.Article;
import io.djorm.async.demo.Author;
import io.djorm.core.DoesNotExist;
import io.djorm.core.RelatedManager;
import io.djorm.core.expressions.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Async.of(relatedManager): both sides of a many-to-many and the reverse side of a foreign key. */
class AsyncRelatedManagerTest extends AsyncBackendTest {

    private static List<String> titles(List<Article> articles) {
        return articles.stream().map(a -> a.title).sorted().toList();
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(a -> a.name).sorted().toList();
    }

    @Test
    void reverseForeignKeyReadsAndCreates() {
        Author ann = Author.named("Ann");
        var articles = Async.of(ann.articles());
        assertThat(await(articles.existsAsync())).isFalse();

        Article made = await(articles.createAsync("title", "On Rivers", "words", 900));
        assertThat(made.pk()).isNotNull();
        assertThat(made.author.id()).isEqualTo(ann.pk());
        await(articles.createAsync(Map.of("title", "On Hills", "words", 100)));
        Article.titled("Unrelated", 5);

        assertThat(await(articles.countAsync())).isEqualTo(2L);
        assertThat(await(articles.existsAsync())).isTrue();
        assertThat(titles(await(articles.listAsync()))).containsExactly("On Hills", "On Rivers");
        assertThat(await(articles.getAsync("words__gt", 500)).title).isEqualTo("On Rivers");
        assertThat(await(articles.all().aggregateAsync("words", new Sum("words"))).get("words"))
                .satisfies(w -> assertThat(((Number) w).longValue()).isEqualTo(1000L));
        assertThat(await(Async.of(ann.articles().filter("words__lt", 500)).listAsync()))
                .extracting(a -> a.title).containsExactly("On Hills");
    }

    @Test
    void reverseForeignKeyAddRemoveSetClear() {
        Author ann = Author.named("Ann");
        Article a = Article.titled("a", 1);
        Article b = Article.titled("b", 2);
        Article c = Article.titled("c", 3);
        var articles = Async.of(ann.articles());

        await(articles.addAsync(a, b));
        assertThat(titles(ann.articles().list())).containsExactly("a", "b");
        await(articles.removeAsync(a));
        assertThat(titles(ann.articles().list())).containsExactly("b");
        assertThat(Article.objects().get("title", "a").author.id()).isNull();

        await(articles.setAsync(List.of(a, c)));
        assertThat(titles(ann.articles().list())).containsExactly("a", "c");
        await(articles.addAsync(List.of(b)));
        assertThat(await(articles.countAsync())).isEqualTo(3L);

        await(articles.clearAsync());
        assertThat(await(articles.existsAsync())).isFalse();
        assertThat(Article.objects().count()).as("clear() unlinks, it does not delete").isEqualTo(3L);
    }

    @Test
    void manyToManyFromBothSides() {
        Article essay = Article.titled("essay", 10);
        Author ann = Author.named("Ann");
        Author bob = Author.named("Bob");
        Author cat = Author.named("Cat");
        var reviewers = Async.of(essay.reviewers);

        await(reviewers.addAsync(ann, bob));
        assertThat(names(await(reviewers.listAsync()))).containsExactly("Ann", "Bob");
        assertThat(await(Async.of(ann.reviewed()).listAsync())).extracting(a -> a.title).containsExactly("essay");

        await(reviewers.removeAsync(List.of(ann)));
        assertThat(await(Async.of(ann.reviewed()).existsAsync())).isFalse();
        await(reviewers.setAsync(List.of(bob, cat)));
        assertThat(names(essay.reviewers.list())).containsExactly("Bob", "Cat");

        Author dan = await(reviewers.createAsync("name", "Dan"));
        assertThat(dan.pk()).isNotNull();
        assertThat(await(reviewers.getAsync("name", "Dan")).pk()).isEqualTo(dan.pk());
        assertThat(await(reviewers.countAsync())).isEqualTo(3L);

        Article note = await(Async.of(cat.reviewed()).createAsync(Map.of("title", "note", "words", 3)));
        assertThat(names(note.reviewers.list())).containsExactly("Cat");

        await(reviewers.clearAsync());
        assertThat(await(reviewers.countAsync())).isZero();
        assertThat(Author.objects().count()).as("clear() removes links, not authors").isEqualTo(4L);
    }

    @Test
    void writesForgetPrefetchedRows() {
        Author ann = Author.named("Ann");
        Article first = Article.titled("first", 1);
        first.author.set(ann);
        first.save();
        Author prefetched = Author.objects().all().prefetchRelated("articles").get("name", "Ann");
        Article.objects().filter("title", "first").update("title", "renamed behind the cache");
        assertThat(titles(await(Async.of(prefetched.articles()).listAsync())))
                .as("served from the prefetch cache, as the sync list()").containsExactly("first");

        await(Async.of(prefetched.articles()).createAsync("title", "second"));
        assertThat(titles(await(Async.of(prefetched.articles()).listAsync())))
                .containsExactly("renamed behind the cache", "second");
    }

    @Test
    void failuresArriveThroughTheFutureAsInTheSyncCalls() {
        Author unsaved = new Author();
        CompletableFuture<Long> count = Async.of(unsaved.articles()).countAsync();
        assertThatThrownBy(() -> count.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.ValueError.class).hasMessageContaining("primary key");
        assertThatThrownBy(unsaved.articles()::count).isInstanceOf(io.djorm.core.ValueError.class);
        CompletableFuture<Article> create = Async.of(unsaved.articles()).createAsync("title", "x");
        assertThatThrownBy(() -> create.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.ValueError.class);

        Author ann = Author.named("Ann");
        Author bob = Author.named("Bob");
        CompletableFuture<Article> missing = Async.of(ann.articles()).getAsync("title", "nope");
        assertThatThrownBy(() -> missing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(DoesNotExist.class);

        Article bobs = await(Async.of(bob.articles()).createAsync("title", "bob's"));
        CompletableFuture<Void> notAnns = Async.of(ann.articles()).removeAsync(bobs);
        assertThatThrownBy(() -> notAnns.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(DoesNotExist.class).hasMessageContaining("not related");
        assertThat(Article.objects().get("title", "bob's").author.id()).isEqualTo(bob.pk());

        @SuppressWarnings({"unchecked", "rawtypes"})
        RelatedManager<Author> wrongModel = (RelatedManager) ann.articles();
        CompletableFuture<Void> wrong = Async.of(wrongModel).addAsync(bob);
        assertThatThrownBy(() -> wrong.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.djorm.core.ValueError.class).hasMessageContaining("'Article' instance expected");
    }

    @Test
    void concurrentCreatesAllLandAndCallbacksAvoidWorkers() {
        Author ann = Author.named("Ann");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Article>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(Async.of(ann.articles()).createAsync("title", "t" + i, "words", i)
                    .whenComplete((a, e) -> threads.add(Thread.currentThread().getName())));
        }
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
        assertThat(ann.articles().count()).isEqualTo(100L);
        assertThat(threads).isNotEmpty().noneMatch(name -> name.startsWith("djorm-async"));
    }

    @Test
    void insideAnAsyncTransactionAFailedStepUndoesTheLinks() {
        Article essay = Article.titled("essay", 10);
        Author ann = Author.named("Ann");
        CompletableFuture<Long> failed = Async.atomic(tx -> tx.of(essay.reviewers).addAsync(ann)
                .thenCompose(v -> tx.of(essay.reviewers).countAsync())
                .thenApply(n -> {
                    assertThat(n).isEqualTo(1L);
                    throw new IllegalStateException("boom after " + n);
                }));
        assertThatThrownBy(() -> failed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom after 1");
        assertThat(essay.reviewers.count()).isZero();

        await(Async.atomic(tx -> tx.of(essay.reviewers).setAsync(List.of(ann))));
        assertThat(names(essay.reviewers.list())).containsExactly("Ann");
    }
}
