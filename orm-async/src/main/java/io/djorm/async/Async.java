package io.djorm.async;

import io.djorm.async.internal.AsyncRuntime;
import io.djorm.async.internal.Submit;
import io.djorm.async.internal.TransactionChain;
import io.djorm.core.Djorm;
import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import io.djorm.core.RelatedManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The entry point of async djorm: futures for every terminal call, async iteration and async
 * transactions, on connections pinned to their own threads. See the package documentation for the
 * table that maps Django's async names to these.
 *
 * <pre>{@code
 * Async.of(Book.objects()).getAsync("title", "Dune")
 *      .thenCompose(book -> Async.of(Review.objects().filter("book", book)).countAsync())
 *      .thenAccept(reviews -> System.out.println(reviews + " reviews"));
 * }</pre>
 *
 * <p>Each alias gets a few worker threads ({@code djorm-async-<alias>-<n>}), each pinned to one
 * connection for its whole life; statements of one worker run in order, different workers run in
 * parallel. Futures complete on the callback executor of {@link AsyncOptions} (the common ForkJoinPool
 * unless configured), never on a worker, so a callback may start another query. A worker that joins
 * another async future from inside {@link #supply} work fails at once with {@link AsyncDeadlockError}.
 */
public final class Async {
    private Async() {
    }

    /** The async twin of a manager. */
    public static <T extends Model> AsyncManager<T> of(Manager<T> manager) {
        return new AsyncManager<>(manager, AsyncRuntime.INSTANCE);
    }

    /** The async twin of a queryset (build it with the sync chaining methods first). */
    public static <T> AsyncQuerySet<T> of(QuerySet<T> queryset) {
        return new AsyncQuerySet<>(queryset, AsyncRuntime.INSTANCE);
    }

    /**
     * The async twin of a related manager ({@code author.books()}, {@code book.tags}): list, count,
     * get, create, add, remove, clear, set.
     */
    public static <T extends Model> AsyncRelatedManager<T> of(RelatedManager<T> related) {
        return new AsyncRelatedManager<>(related, AsyncRuntime.INSTANCE);
    }

    /** The async twin of an instance: save, delete, refresh. */
    public static <T extends Model> AsyncModel<T> of(T instance) {
        return new AsyncModel<>(instance, AsyncRuntime.INSTANCE);
    }

    /**
     * Runs any sync ORM work on a connection thread of the default alias (for calls without a twin,
     * such as {@code add(objs, throughDefaults)} of a many-to-many). The work must not leave an atomic block open.
     */
    public static <R> CompletableFuture<R> supply(Supplier<R> work) {
        return supply(Djorm.DEFAULT_DB_ALIAS, work);
    }

    /**
     * Runs any sync ORM work on a connection thread of an alias. The work must not wait for other
     * async djorm futures ({@code join()} fails with {@link AsyncDeadlockError}): call the sync API
     * directly, it uses the thread's connection. Inside an {@link #atomic} step use
     * {@link AsyncTransaction#supply} instead.
     */
    public static <R> CompletableFuture<R> supply(String alias, Supplier<R> work) {
        return Submit.on(AsyncRuntime.INSTANCE, () -> alias, work);
    }

    /** {@link #atomic(String, Function)} on the default alias. */
    public static <R> CompletableFuture<R> atomic(Function<AsyncTransaction, ? extends CompletionStage<R>> body) {
        return atomic(Djorm.DEFAULT_DB_ALIAS, body);
    }

    /**
     * Runs a chain of async steps as one atomic block on one connection of {@code alias}
     * (Django: {@code async with transaction.atomic()} — which Django itself does not offer).
     * {@code body} gets the open transaction and returns the future of its last step; when that future
     * completes normally the block commits and the returned future completes with its value; when it
     * fails (or the body throws) the block rolls back and the returned future fails with that error.
     *
     * <pre>{@code
     * Async.atomic("default", tx ->
     *     tx.of(Account.objects()).getAsync("id", from)
     *       .thenCompose(a -> tx.of(a.withdraw(amount)).saveAsync())
     *       .thenCompose(a -> tx.of(Account.objects().filter("id", to)).updateAsync("balance", F("balance").plus(amount))));
     * }</pre>
     */
    public static <R> CompletableFuture<R> atomic(String alias,
                                                  Function<AsyncTransaction, ? extends CompletionStage<R>> body) {
        return TransactionChain.run(alias, chain -> body.apply(new AsyncTransaction(chain)));
    }

    /**
     * Sets the worker count and callback executor of an alias. Work already queued finishes on the old
     * workers; new work uses the new settings.
     */
    public static void configure(String alias, AsyncOptions options) {
        AsyncRuntime.INSTANCE.configure(alias, options);
    }

    /**
     * Stops every async worker: futures whose statement has not started fail with an OperationalError
     * that says so (nothing of them reached the database); statements already running finish (waiting
     * up to 10 s); open async transactions roll back. Call it before or after {@code Djorm.shutdown()};
     * workers also notice a closed alias on their own within half a second and stop, failing what is
     * queued. Later async calls start fresh workers.
     */
    public static void shutdown() {
        AsyncRuntime.INSTANCE.shutdown();
    }
}
