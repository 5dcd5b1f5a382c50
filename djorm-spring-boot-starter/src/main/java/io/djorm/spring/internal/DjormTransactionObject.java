package io.djorm.spring.internal;

import io.djorm.core.Atomic;
import io.djorm.core.Transaction;
import io.djorm.core.TransactionManagementError;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.support.SmartTransactionObject;

/**
 * One Spring transaction scope on a djorm alias: the thread's {@link AtomicBlockHolder} (null before
 * the transaction begins), and savepoints for {@code Propagation.NESTED}, which are nested atomic blocks.
 */
public final class DjormTransactionObject implements SmartTransactionObject, SavepointManager {
    private final String alias;
    private AtomicBlockHolder holder;

    /** A scope on an alias, joining the holder already bound to the thread, if any. */
    public DjormTransactionObject(String alias, AtomicBlockHolder holder) {
        this.alias = alias;
        this.holder = holder;
    }

    /** The bound holder, or null. */
    public AtomicBlockHolder holder() {
        return holder;
    }

    /** Sets the holder of a transaction this scope began. */
    public void holder(AtomicBlockHolder holder) {
        this.holder = holder;
    }

    @Override
    public boolean isRollbackOnly() {
        return holder != null && holder.isRollbackOnly();
    }

    @Override
    public void flush() {
        // djorm writes each statement when it runs; nothing is buffered.
    }

    @Override
    public Object createSavepoint() {
        return new Savepoint(Transaction.begin(alias));
    }

    @Override
    public void rollbackToSavepoint(Object savepoint) {
        ((Savepoint) savepoint).rollback();
    }

    @Override
    public void releaseSavepoint(Object savepoint) {
        ((Savepoint) savepoint).release();
    }

    /** A nested atomic block; Spring releases a savepoint after rolling back to it, which is then a no-op. */
    private static final class Savepoint {
        private final Atomic block;
        private boolean finished;

        Savepoint(Atomic block) {
            if (!block.isSavepoint()) {
                block.close();
                throw new TransactionManagementError("A nested Spring transaction found no open djorm block to set a "
                        + "savepoint in. Open the outer transaction through the same DjormTransactionManager.");
            }
            this.block = block;
        }

        void rollback() {
            finished = true;
            block.close();
        }

        void release() {
            if (finished) return;
            finished = true;
            block.commit();
        }
    }
}
