package io.djorm.async;

import io.djorm.async.internal.Submit;
import io.djorm.async.internal.TransactionChain;
import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import io.djorm.core.RelatedManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An open async atomic block (see {@link Async#atomic(String, Function)}). Calls made through it run,
 * in order, on the one connection that holds the transaction; calls made through {@link Async#of} run
 * outside it, on other connections. Chain every step into the future the body returns: the block
 * commits when that future completes, and later steps are refused.
 */
public final class AsyncTransaction {
    private final TransactionChain chain;

    AsyncTransaction(TransactionChain chain) {
        this.chain = chain;
    }

    /** The alias of the transaction. */
    public String alias() {
        return chain.alias();
    }

    /** A manager whose calls run inside this transaction. */
    public <T extends Model> AsyncManager<T> of(Manager<T> manager) {
        return new AsyncManager<>(manager, chain);
    }

    /** A queryset whose calls run inside this transaction (it must use this transaction's alias). */
    public <T> AsyncQuerySet<T> of(QuerySet<T> queryset) {
        return new AsyncQuerySet<>(queryset, chain);
    }

    /** A related manager whose calls run inside this transaction (its owner must live on this transaction's alias). */
    public <T extends Model> AsyncRelatedManager<T> of(RelatedManager<T> related) {
        return new AsyncRelatedManager<>(related, chain);
    }

    /** An instance whose save/delete/refresh run inside this transaction. */
    public <T extends Model> AsyncModel<T> of(T instance) {
        return new AsyncModel<>(instance, chain);
    }

    /** Runs any sync ORM work inside this transaction, on its connection thread. */
    public <R> CompletableFuture<R> supply(Supplier<R> work) {
        return Submit.on(chain, chain::alias, work);
    }

    /**
     * A nested block (a savepoint): its failure undoes only its own steps, and the outer block goes on
     * if the failure is handled. Chain it into the outer body's future.
     */
    public <R> CompletableFuture<R> atomic(Function<AsyncTransaction, ? extends CompletionStage<R>> body) {
        return chain.block(c -> body.apply(this));
    }

    @Override
    public String toString() {
        return "AsyncTransaction[" + alias() + "]";
    }
}
