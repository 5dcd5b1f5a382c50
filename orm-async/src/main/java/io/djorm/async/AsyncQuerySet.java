package io.djorm.async;

import io.djorm.async.internal.ChunkSource;
import io.djorm.async.internal.RowPublisher;
import io.djorm.async.internal.Submit;
import io.djorm.async.internal.Targets;
import io.djorm.core.DeleteResult;
import io.djorm.core.GetOrCreate;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Aggregate;
import io.djorm.core.expressions.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The async twin of a {@link QuerySet}: every terminal call returns a {@link CompletableFuture} that
 * runs the same sync call on a connection thread of the queryset's alias and completes on the callback
 * executor, with the same result or the same exception ({@code DoesNotExist}, {@code IntegrityError},
 * ...). Build the query with the sync, lazy chaining methods first:
 *
 * <pre>{@code
 * Async.of(Book.objects().filter("pages__gt", 100).orderBy("title"))
 *      .listAsync()
 *      .thenAccept(books -> render(books));
 * }</pre>
 *
 * Each call queries afresh: the wrapped queryset's result cache is neither read nor filled.
 *
 * @param <T> what each row becomes (a model, or a map/list/value for values() forms)
 */
public final class AsyncQuerySet<T> {
    private final QuerySet<T> queryset;
    private final Targets targets;

    AsyncQuerySet(QuerySet<T> queryset, Targets targets) {
        this.queryset = queryset;
        this.targets = targets;
    }

    /** The wrapped sync queryset. */
    public QuerySet<T> sync() {
        return queryset;
    }

    private <R> CompletableFuture<R> submit(Supplier<R> work) {
        return Submit.on(targets, queryset::db, work);
    }

    /** See {@link QuerySet#list()} (Django: {@code [x async for x in qs]}). */
    public CompletableFuture<List<T>> listAsync() {
        return submit(() -> queryset.all().list());
    }

    /** See {@link QuerySet#count()} (Django: {@code acount}). */
    public CompletableFuture<Long> countAsync() {
        return submit(() -> queryset.all().count());
    }

    /** See {@link QuerySet#exists()} (Django: {@code aexists}). */
    public CompletableFuture<Boolean> existsAsync() {
        return submit(() -> queryset.all().exists());
    }

    /** See {@link QuerySet#get()} (Django: {@code aget}). */
    public CompletableFuture<T> getAsync() {
        return submit(() -> queryset.all().get());
    }

    /** See {@link QuerySet#get(String, Object, Object...)}. */
    public CompletableFuture<T> getAsync(String lookup, Object value, Object... more) {
        return submit(() -> queryset.get(lookup, value, more));
    }

    /** See {@link QuerySet#get(Q)}. */
    public CompletableFuture<T> getAsync(Q condition) {
        return submit(() -> queryset.get(condition));
    }

    /** See {@link QuerySet#first()} (Django: {@code afirst}). */
    public CompletableFuture<Optional<T>> firstAsync() {
        return submit(() -> queryset.all().first());
    }

    /** See {@link QuerySet#last()} (Django: {@code alast}). */
    public CompletableFuture<Optional<T>> lastAsync() {
        return submit(() -> queryset.all().last());
    }

    /** See {@link QuerySet#at(long)}. */
    public CompletableFuture<T> atAsync(long index) {
        return submit(() -> queryset.all().at(index));
    }

    /** See {@link QuerySet#aggregate(Map)} (Django: {@code aaggregate}). */
    public CompletableFuture<Map<String, Object>> aggregateAsync(Map<String, ? extends Expression> aggregates) {
        return submit(() -> queryset.aggregate(aggregates));
    }

    /** See {@link QuerySet#aggregate(String, Expression, Object...)}: {@code aggregateAsync("total", new Sum("pages"))}. */
    public CompletableFuture<Map<String, Object>> aggregateAsync(String name, Expression aggregate, Object... more) {
        return submit(() -> queryset.aggregate(name, aggregate, more));
    }

    /** See {@link QuerySet#aggregate(Aggregate...)}: keyed by default names such as {@code "pages__sum"}. */
    public CompletableFuture<Map<String, Object>> aggregateAsync(Aggregate... aggregates) {
        return submit(() -> queryset.aggregate(aggregates));
    }

    /** See {@link QuerySet#explain()} (Django: {@code aexplain}). */
    public CompletableFuture<String> explainAsync() {
        return submit(queryset::explain);
    }

    /** See {@link QuerySet#create(Object...)} (Django: {@code acreate}). */
    public CompletableFuture<T> createAsync(Object... fieldValuePairs) {
        return submit(() -> queryset.create(fieldValuePairs));
    }

    /** See {@link QuerySet#create(Map)}. */
    public CompletableFuture<T> createAsync(Map<String, ?> values) {
        return submit(() -> queryset.create(values));
    }

    /** See {@link QuerySet#getOrCreate(Map)} (Django: {@code aget_or_create}). */
    public CompletableFuture<GetOrCreate<T>> getOrCreateAsync(Map<String, ?> lookups) {
        return submit(() -> queryset.getOrCreate(lookups));
    }

    /** See {@link QuerySet#getOrCreate(Map, Map)}. */
    public CompletableFuture<GetOrCreate<T>> getOrCreateAsync(Map<String, ?> lookups, Map<String, ?> defaults) {
        return submit(() -> queryset.getOrCreate(lookups, defaults));
    }

    /** See {@link QuerySet#updateOrCreate(Map, Map)} (Django: {@code aupdate_or_create}). */
    public CompletableFuture<GetOrCreate<T>> updateOrCreateAsync(Map<String, ?> lookups, Map<String, ?> defaults) {
        return submit(() -> queryset.updateOrCreate(lookups, defaults));
    }

    /** See {@link QuerySet#bulkCreate(List)} (Django: {@code abulk_create}). */
    public CompletableFuture<List<T>> bulkCreateAsync(List<T> objs) {
        return submit(() -> queryset.bulkCreate(objs));
    }

    /** See {@link QuerySet#bulkCreate(List, int)}. */
    public CompletableFuture<List<T>> bulkCreateAsync(List<T> objs, int batchSize) {
        return submit(() -> queryset.bulkCreate(objs, batchSize));
    }

    /** See {@link QuerySet#bulkUpdate(List, String...)} (Django: {@code abulk_update}). */
    public CompletableFuture<Long> bulkUpdateAsync(List<T> objs, String... fields) {
        return submit(() -> queryset.bulkUpdate(objs, fields));
    }

    /** See {@link QuerySet#update(String, Object, Object...)} (Django: {@code aupdate}). */
    public CompletableFuture<Long> updateAsync(String field, Object value, Object... more) {
        return submit(() -> queryset.update(field, value, more));
    }

    /** See {@link QuerySet#update(Map)}. */
    public CompletableFuture<Long> updateAsync(Map<String, ?> values) {
        return submit(() -> queryset.update(values));
    }

    /** See {@link QuerySet#delete()} (Django: {@code adelete}). */
    public CompletableFuture<DeleteResult> deleteAsync() {
        return submit(queryset::delete);
    }

    /** See {@link QuerySet#inBulk(Collection)} (Django: {@code ain_bulk}). */
    public CompletableFuture<Map<Object, T>> inBulkAsync(Collection<?> ids) {
        return submit(() -> queryset.inBulk(ids));
    }

    /** See {@link QuerySet#inBulk(Collection, String)}. */
    public CompletableFuture<Map<Object, T>> inBulkAsync(Collection<?> values, String fieldName) {
        return submit(() -> queryset.inBulk(values, fieldName));
    }

    /** See {@link QuerySet#inBulk()}. */
    public CompletableFuture<Map<Object, T>> inBulkAsync() {
        return submit(() -> queryset.all().inBulk());
    }

    /**
     * Reads the rows {@code chunkSize} at a time without loading them whole (Django: {@code aiterator}).
     * Nothing runs until the first call on the iterator.
     */
    public AsyncIterator<T> iterator(int chunkSize) {
        return new AsyncIterator<>(new ChunkSource<>(queryset, chunkSize, targets));
    }

    /**
     * Runs {@code action} on every row, read {@code chunkSize} at a time, on the callback executor
     * (Django: {@code async for x in qs.aiterator(chunk_size)}); completes after the last row.
     */
    public CompletableFuture<Void> forEachAsync(int chunkSize, Consumer<? super T> action) {
        return iterator(chunkSize).forEachAsync(action);
    }

    /**
     * The rows as a {@link Flow.Publisher} that fetches {@code chunkSize} rows at a time only while its
     * subscriber has demand. Each subscriber reads the query anew.
     */
    public Flow.Publisher<T> publisher(int chunkSize) {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunkSize must be positive, got " + chunkSize + ".");
        return new RowPublisher<>(() -> iterator(chunkSize), targets.callbacks(queryset.db()));
    }

    @Override
    public String toString() {
        return "AsyncQuerySet[" + queryset + "]";
    }
}
