package io.djorm.core;

import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.spi.Connection;
import java.util.List;

/**
 * One open atomic block, for try-with-resources (Django: {@code with transaction.atomic():}). Call
 * {@link #commit()} as the block's last statement; leaving the block without it (an exception, an
 * early return) rolls the block back. A block opened inside another is a savepoint.
 *
 * <pre>{@code
 * try (Atomic tx = Transaction.begin()) {
 *     order.save();
 *     stock.save();
 *     tx.commit();
 * }
 * }</pre>
 */
public final class Atomic implements AutoCloseable {
    private final DatabaseHandle handle;
    private final DatabaseHandle.Binding binding;
    private final String savepoint;
    private boolean finished;

    Atomic(DatabaseHandle handle) {
        this.handle = handle;
        this.binding = handle.acquire();
        String sp;
        try {
            sp = binding.transaction().enter();
            if (sp == null) {
                connection().begin();
                handle.transactionOpened();
            } else {
                connection().savepoint(sp);
            }
        } catch (RuntimeException e) {
            binding.transaction().leave(false);
            handle.release(binding);
            throw e;
        }
        this.savepoint = sp;
    }

    private Connection connection() {
        return binding.connection();
    }

    /** Whether this block is a savepoint inside an outer block. */
    public boolean isSavepoint() {
        return savepoint != null;
    }

    /** Commits the block (or releases its savepoint); on-commit hooks run after the outermost commit. */
    public void commit() {
        if (finished) throw new TransactionManagementError("This atomic block has already finished.");
        finished = true;
        List<Runnable> hooks = List.of();
        try {
            if (savepoint == null) {
                connection().commit();
                hooks = binding.transaction().drainHooks();
            } else {
                connection().releaseSavepoint(savepoint);
            }
            binding.transaction().leave(true);
        } catch (RuntimeException e) {
            undo();
            binding.transaction().leave(false);
            throw e;
        } finally {
            if (savepoint == null) handle.transactionClosed();
            handle.release(binding);
        }
        for (Runnable hook : hooks) hook.run();
    }

    /** Rolls the block back unless it was committed. */
    @Override
    public void close() {
        if (finished) return;
        finished = true;
        try {
            undo();
        } finally {
            binding.transaction().leave(false);
            if (savepoint == null) handle.transactionClosed();
            handle.release(binding);
        }
    }

    private void undo() {
        try {
            if (savepoint == null) {
                if (connection().inTransaction()) connection().rollback();
            } else {
                connection().rollbackToSavepoint(savepoint);
                connection().releaseSavepoint(savepoint);
            }
        } catch (RuntimeException rollbackFailure) {
            // The original error matters more; a broken connection is replaced by the pool.
        }
    }
}
