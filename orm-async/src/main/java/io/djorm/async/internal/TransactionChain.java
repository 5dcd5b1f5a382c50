package io.djorm.async.internal;

import io.djorm.core.Atomic;
import io.djorm.core.Transaction;
import io.djorm.core.TransactionManagementError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One async transaction: a dedicated worker whose connection holds the atomic block while the user's
 * chain of steps runs, then commits (or rolls back) it when the chain completes. Nested blocks are
 * savepoints on the same connection.
 *
 * <p>The transaction's futures complete on threads marked with it, so the steps of its body (which run
 * there) are known: a step that starts async work outside the transaction on the same alias is refused
 * (see {@link #refuseInsideOpenBlock}) instead of letting its writes escape the rollback.
 */
public final class TransactionChain implements Targets {
    private static final ThreadMark<TransactionChain> RUNNING_STEP = new ThreadMark<>();
    private final String alias;
    private final ConnectionWorker worker;
    private final TaskTarget steps; // the worker, as BEGIN, the body's steps and COMMIT reach it
    private final List<Atomic> open = new ArrayList<>(); // touched by the worker thread only
    private final AtomicInteger depth = new AtomicInteger(); // open blocks; read by any thread

    private TransactionChain(String alias, UnaryOperator<TaskTarget> reach) {
        this.alias = alias;
        this.worker = AsyncRuntime.INSTANCE.transactionWorker(alias, this::marked, this::rollBackOpenBlocks);
        this.steps = reach.apply(worker);
    }

    /**
     * Raises when the current thread runs a step of an open async transaction on {@code alias}: work
     * started by {@code what} there would run on another connection, outside the transaction (its
     * writes would survive the rollback, or wait for the transaction's lock).
     */
    static void refuseInsideOpenBlock(String alias, String what, String instead) {
        TransactionChain chain = RUNNING_STEP.get();
        if (chain == null || chain.depth.get() == 0 || !chain.alias.equals(alias)) return;
        throw new TransactionManagementError(what + " was called inside Async.atomic on alias '" + alias + "', in a"
                + " step of its body. It would run on another connection, outside the transaction: its writes would"
                + " not be rolled back with it. Use " + instead + " of the AsyncTransaction the body received, or"
                + " chain the call on the future Async.atomic returns to run it after the transaction.");
    }

    private Runnable marked(Runnable callback) {
        return () -> RUNNING_STEP.runWith(this, callback);
    }

    /**
     * Runs {@code body} inside an atomic block on a fresh connection of {@code alias}; the returned
     * future completes once the block has committed (with the body's result) or rolled back (with the
     * body's exception, or the commit's).
     */
    public static <R> CompletableFuture<R> run(String alias,
                                               Function<TransactionChain, ? extends CompletionStage<R>> body) {
        return run(alias, UnaryOperator.identity(), body);
    }

    /**
     * {@link #run(String, Function)} with the transaction's worker reached through {@code reach}: a test
     * puts a probe there to decide when BEGIN and the steps finish relative to the thread that chains on them.
     */
    public static <R> CompletableFuture<R> run(String alias, UnaryOperator<TaskTarget> reach,
                                               Function<TransactionChain, ? extends CompletionStage<R>> body) {
        TransactionChain chain;
        try {
            chain = new TransactionChain(alias, reach);
        } catch (RuntimeException e) {
            return CallbackFuture.failed(AsyncRuntime.INSTANCE.callbacks(alias), e);
        }
        CallbackFuture<R> result = new CallbackFuture<>(chain.worker.callbacks());
        chain.block(body).whenComplete((value, error) -> {
            // Stopped before the caller's future completes: a stage chained on it runs at once, and its steps
            // must already be refused rather than slip onto the worker ahead of the stop.
            chain.stopWorker();
            if (error != null) result.completeExceptionally(error);
            else result.complete(value);
        });
        // Also when the caller completes or cancels the future first: the open block then rolls back.
        result.whenComplete((value, error) -> chain.stopWorker());
        return result;
    }

    private void stopWorker() {
        worker.stop(new TransactionManagementError("The async atomic block on alias '" + alias + "' has finished; "
                + "steps must be chained before its body's future completes. Start another block with "
                + "Async.atomic(...)."), false);
    }

    /** The alias of the transaction. */
    public String alias() {
        return alias;
    }

    /** The worker every step runs on. */
    public TaskTarget target() {
        return steps;
    }

    @Override
    public TaskTarget forAlias(String requested) {
        if (!alias.equals(requested)) {
            throw new TransactionManagementError("This async transaction is on alias '" + alias + "', but the call "
                    + "uses alias '" + requested + "'. Run it outside the transaction (Async.of(...)) or open one on '"
                    + requested + "'.");
        }
        return steps;
    }

    @Override
    public Executor callbacks(String requested) {
        return worker.callbacks();
    }

    /** Runs {@code body} in a (nested, when one is open) atomic block on this chain's connection. */
    public <R> CompletableFuture<R> block(Function<TransactionChain, ? extends CompletionStage<R>> body) {
        CallbackFuture<R> result = new CallbackFuture<>(worker.callbacks());
        Atomic[] mine = new Atomic[1];
        steps.submit(() -> {
            mine[0] = Transaction.begin(alias);
            open.add(mine[0]);
            depth.incrementAndGet();
            return null;
        }).whenCompleteAsync((started, beginError) -> {
            // Always on the marked callback thread: had BEGIN finished before this stage was attached, a plain
            // whenComplete would run the body on the caller's unmarked thread, and a step completing as quickly
            // would escape refuseInsideOpenBlock.
            if (beginError != null) {
                result.completeExceptionally(Failures.unwrap(beginError));
                return;
            }
            CompletionStage<R> stage;
            try {
                stage = body.apply(this);
                if (stage == null) {
                    throw new NullPointerException("The async atomic body returned null; return the CompletionStage "
                            + "of its last step (CompletableFuture.completedFuture(x) when there is none).");
                }
            } catch (RuntimeException | Error bodyError) {
                finish(mine, false).whenComplete((x, ignored) -> result.completeExceptionally(bodyError));
                return;
            }
            stage.whenComplete((value, error) -> {
                if (error != null) {
                    finish(mine, false).whenComplete((x, ignored) -> result.completeExceptionally(Failures.unwrap(error)));
                } else {
                    finish(mine, true).whenComplete((x, commitError) -> {
                        if (commitError != null) result.completeExceptionally(Failures.unwrap(commitError));
                        else result.complete(value);
                    });
                }
            });
        }, worker.callbacks());
        return result;
    }

    private CompletableFuture<Void> finish(Atomic[] block, boolean commit) {
        return steps.submit(() -> {
            Atomic a = block[0];
            open.remove(a);
            depth.decrementAndGet();
            if (commit) a.commit();
            else a.close();
            return null;
        });
    }

    /** Rolls back blocks a stopped worker leaves open (shutdown, closed alias), innermost first. */
    private void rollBackOpenBlocks() {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        open.clear();
        depth.set(0);
    }
}
