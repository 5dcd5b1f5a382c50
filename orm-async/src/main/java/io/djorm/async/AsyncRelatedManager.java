package io.djorm.async;

import io.djorm.async.internal.Submit;
import io.djorm.async.internal.Targets;
import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The async twin of a related manager (the reverse side of a foreign key, either side of a
 * many-to-many): each call runs the manager's own sync call on a connection thread of the owner's
 * alias and returns a future that completes on the callback executor with the same result or the same
 * exception. Filter with the sync manager first: {@code Async.of(author.books().filter("pages__gt", 100))}.
 *
 * <pre>{@code
 * Async.of(book.tags).addAsync(fiction, classic)           // Django: await book.tags.aadd(fiction, classic)
 *      .thenCompose(done -> Async.of(book.tags).countAsync());
 * }</pre>
 *
 * Writes change the owner's prefetched rows (they are forgotten on the worker); read the owner again
 * only after the future completes.
 *
 * @param <T> the related model
 */
public final class AsyncRelatedManager<T extends Model> {
    private final RelatedManager<T> related;
    private final Targets targets;

    AsyncRelatedManager(RelatedManager<T> related, Targets targets) {
        this.related = related;
        this.targets = targets;
    }

    /** The wrapped sync related manager. */
    public RelatedManager<T> sync() {
        return related;
    }

    /**
     * The related rows as an async queryset to read, aggregate or stream. Like the sync
     * {@link RelatedManager#all()} it raises at once when the owner is not saved yet.
     */
    public AsyncQuerySet<T> all() {
        return new AsyncQuerySet<>(related.all(), targets);
    }

    private <R> CompletableFuture<R> submit(Supplier<R> work) {
        return Submit.on(targets, this::ownerAlias, work);
    }

    /**
     * The alias the owner lives on. Core exposes it only through the related queryset, which refuses an
     * unsaved owner; such an owner has no alias yet (the sync call uses the default one), and the sync
     * call itself then raises its own error on the worker, so the future fails exactly as the sync call.
     */
    private String ownerAlias() {
        try {
            return related.all().db();
        } catch (io.djorm.core.ValueError unsavedOwner) {
            return Djorm.DEFAULT_DB_ALIAS;
        }
    }

    private CompletableFuture<Void> run(Runnable work) {
        return submit(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A copy made on the caller's thread, so later changes to the caller's collection cannot race the
     * worker; null stays null so the sync call reports it through the future.
     */
    private static <E> List<E> snapshot(Collection<? extends E> objs) {
        return objs == null ? null : new ArrayList<>(objs);
    }

    /** See {@link RelatedManager#list()} (Django: {@code [x async for x in obj.related.all()]}). */
    public CompletableFuture<List<T>> listAsync() {
        return submit(related::list);
    }

    /** See {@link RelatedManager#count()} (Django: {@code acount}). */
    public CompletableFuture<Long> countAsync() {
        return submit(related::count);
    }

    /** See {@link RelatedManager#exists()} (Django: {@code aexists}). */
    public CompletableFuture<Boolean> existsAsync() {
        return submit(related::exists);
    }

    /** See {@link RelatedManager#get(String, Object, Object...)} (Django: {@code aget}). */
    public CompletableFuture<T> getAsync(String lookup, Object value, Object... more) {
        return submit(() -> related.get(lookup, value, more));
    }

    /** See {@link RelatedManager#create(Object...)} (Django: {@code acreate}). */
    public CompletableFuture<T> createAsync(Object... fieldValuePairs) {
        return submit(() -> related.create(fieldValuePairs));
    }

    /** See {@link RelatedManager#create(Map)}. */
    public CompletableFuture<T> createAsync(Map<String, ?> values) {
        return submit(() -> related.create(values));
    }

    /** See {@link RelatedManager#add(Model[])} (Django: {@code aadd}). */
    @SafeVarargs
    public final CompletableFuture<Void> addAsync(T... objs) {
        T[] copy = objs == null ? null : objs.clone();
        return run(() -> related.add(copy));
    }

    /** See {@link RelatedManager#add(Collection)}. */
    public CompletableFuture<Void> addAsync(Collection<? extends T> objs) {
        List<T> copy = snapshot(objs);
        return run(() -> related.add(copy));
    }

    /** See {@link RelatedManager#remove(Model[])} (Django: {@code aremove}). */
    @SafeVarargs
    public final CompletableFuture<Void> removeAsync(T... objs) {
        T[] copy = objs == null ? null : objs.clone();
        return run(() -> related.remove(copy));
    }

    /** See {@link RelatedManager#remove(Collection)}. */
    public CompletableFuture<Void> removeAsync(Collection<? extends T> objs) {
        List<T> copy = snapshot(objs);
        return run(() -> related.remove(copy));
    }

    /** See {@link RelatedManager#clear()} (Django: {@code aclear}). */
    public CompletableFuture<Void> clearAsync() {
        return run(related::clear);
    }

    /** See {@link RelatedManager#set(Collection)} (Django: {@code aset}). */
    public CompletableFuture<Void> setAsync(Collection<? extends T> objs) {
        List<T> copy = snapshot(objs);
        return run(() -> related.set(copy));
    }

    @Override
    public String toString() {
        return "AsyncRelatedManager[" + related + "]";
    }
}
