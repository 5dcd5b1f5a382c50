package io.djorm.async;

import io.djorm.async.internal.Submit;
import io.djorm.async.internal.Targets;
import io.djorm.core.GetOrCreate;
import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.expressions.Aggregate;
import io.djorm.core.expressions.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The async twin of a {@link Manager}: each terminal call runs the manager's own sync call (so a
 * custom manager's starting queryset applies) on a connection thread and returns a future.
 *
 * <pre>{@code
 * AsyncManager<Book> books = Async.of(Book.objects());
 * books.getAsync("title", "Dune").thenAccept(book -> show(book));
 * }</pre>
 *
 * @param <T> the model
 */
public final class AsyncManager<T extends Model> {
    private final Manager<T> manager;
    private final Targets targets;

    AsyncManager(Manager<T> manager, Targets targets) {
        this.manager = manager;
        this.targets = targets;
    }

    /** The wrapped sync manager. */
    public Manager<T> sync() {
        return manager;
    }

    /** Every row, as an async queryset to read or stream. */
    public AsyncQuerySet<T> all() {
        return new AsyncQuerySet<>(manager.all(), targets);
    }

    private <R> CompletableFuture<R> submit(Supplier<R> work) {
        return Submit.on(targets, () -> manager.getQuerySet().db(), work);
    }

    /** See {@link Manager#get(String, Object, Object...)} (Django: {@code aget}). */
    public CompletableFuture<T> getAsync(String lookup, Object value, Object... more) {
        return submit(() -> manager.get(lookup, value, more));
    }

    /** See {@link Manager#get(Q)}. */
    public CompletableFuture<T> getAsync(Q condition) {
        return submit(() -> manager.get(condition));
    }

    /** Every row (Django: {@code [x async for x in Model.objects.all()]}). */
    public CompletableFuture<List<T>> listAsync() {
        return submit(() -> manager.all().list());
    }

    /** See {@link Manager#count()} (Django: {@code acount}). */
    public CompletableFuture<Long> countAsync() {
        return submit(manager::count);
    }

    /** See {@link Manager#exists()} (Django: {@code aexists}). */
    public CompletableFuture<Boolean> existsAsync() {
        return submit(manager::exists);
    }

    /** See {@link Manager#first()} (Django: {@code afirst}). */
    public CompletableFuture<Optional<T>> firstAsync() {
        return submit(manager::first);
    }

    /** See {@link Manager#last()} (Django: {@code alast}). */
    public CompletableFuture<Optional<T>> lastAsync() {
        return submit(manager::last);
    }

    /** See {@link Manager#aggregate(Map)} (Django: {@code aaggregate}). */
    public CompletableFuture<Map<String, Object>> aggregateAsync(Map<String, ? extends Expression> aggregates) {
        return submit(() -> manager.aggregate(aggregates));
    }

    /** See {@link Manager#aggregate(String, Expression, Object...)}. */
    public CompletableFuture<Map<String, Object>> aggregateAsync(String name, Expression aggregate, Object... more) {
        return submit(() -> manager.aggregate(name, aggregate, more));
    }

    /** See {@link Manager#aggregate(Aggregate...)}: keyed by default names such as {@code "pages__sum"}. */
    public CompletableFuture<Map<String, Object>> aggregateAsync(Aggregate... aggregates) {
        return submit(() -> manager.aggregate(aggregates));
    }

    /** See {@link Manager#create(Object...)} (Django: {@code acreate}). */
    public CompletableFuture<T> createAsync(Object... fieldValuePairs) {
        return submit(() -> manager.create(fieldValuePairs));
    }

    /** See {@link Manager#create(Map)}. */
    public CompletableFuture<T> createAsync(Map<String, ?> values) {
        return submit(() -> manager.create(values));
    }

    /** See {@link Manager#getOrCreate(Map)} (Django: {@code aget_or_create}). */
    public CompletableFuture<GetOrCreate<T>> getOrCreateAsync(Map<String, ?> lookups) {
        return submit(() -> manager.getOrCreate(lookups));
    }

    /** See {@link Manager#getOrCreate(Map, Map)}. */
    public CompletableFuture<GetOrCreate<T>> getOrCreateAsync(Map<String, ?> lookups, Map<String, ?> defaults) {
        return submit(() -> manager.getOrCreate(lookups, defaults));
    }

    /** See {@link Manager#updateOrCreate(Map, Map)} (Django: {@code aupdate_or_create}). */
    public CompletableFuture<GetOrCreate<T>> updateOrCreateAsync(Map<String, ?> lookups, Map<String, ?> defaults) {
        return submit(() -> manager.updateOrCreate(lookups, defaults));
    }

    /** See {@link Manager#bulkCreate(List)} (Django: {@code abulk_create}). */
    public CompletableFuture<List<T>> bulkCreateAsync(List<T> objs) {
        return submit(() -> manager.bulkCreate(objs));
    }

    /** See {@link Manager#bulkCreate(List, int)}. */
    public CompletableFuture<List<T>> bulkCreateAsync(List<T> objs, int batchSize) {
        return submit(() -> manager.bulkCreate(objs, batchSize));
    }

    /** See {@link Manager#bulkUpdate(List, String...)} (Django: {@code abulk_update}). */
    public CompletableFuture<Long> bulkUpdateAsync(List<T> objs, String... fields) {
        return submit(() -> manager.bulkUpdate(objs, fields));
    }

    /** See {@link Manager#inBulk(Collection)} (Django: {@code ain_bulk}). */
    public CompletableFuture<Map<Object, T>> inBulkAsync(Collection<?> ids) {
        return submit(() -> manager.inBulk(ids));
    }

    @Override
    public String toString() {
        return "AsyncManager[" + manager.model().getName() + "]";
    }
}
