package io.djorm.spring;

import io.djorm.core.Djorm;
import io.djorm.core.NotSupportedError;
import io.djorm.core.Transaction;
import io.djorm.spring.internal.AtomicBlockHolder;
import io.djorm.spring.internal.DjormTransactionObject;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs Spring transactions ({@code @Transactional}, {@code TransactionTemplate}) as djorm atomic blocks
 * on one alias (Django: {@code transaction.atomic(using=alias)}). A new Spring transaction opens
 * {@code Transaction.begin(alias)}; commit and rollback finish that block, so djorm's on-commit hooks,
 * and {@code Transaction.atomic} blocks inside it (savepoints), behave as they do without Spring.
 *
 * <p>Propagation: {@code REQUIRED}, {@code SUPPORTS}, {@code MANDATORY} and {@code NEVER} follow Spring;
 * {@code NESTED} is a savepoint (a nested atomic block). djorm holds one connection per thread and alias,
 * so it cannot suspend a transaction: {@code REQUIRES_NEW} and {@code NOT_SUPPORTED} inside a
 * transaction raise {@link NotSupportedError} (outside one, {@code REQUIRES_NEW} simply begins one).
 * A {@code @Transactional} method called inside a {@code Transaction.atomic} block opened by plain djorm
 * code runs in a savepoint of that block, as a nested {@code Transaction.atomic} would. Isolation and
 * read-only flags are accepted and change nothing (SQLite and libSQL transactions are serializable); a
 * timeout raises {@link NotSupportedError}.
 *
 * <p>The starter registers one manager per alias of {@code djorm.databases}: {@code transactionManager}
 * for {@code default} (primary) and {@code <alias>TransactionManager} for the others, each qualified
 * by its alias, so {@code @Transactional("reporting")} runs on the alias {@code reporting}.
 */
public class DjormTransactionManager extends AbstractPlatformTransactionManager {
    private final String alias;
    private final String resourceKey;

    /** A manager for the default alias. */
    public DjormTransactionManager() {
        this(Djorm.DEFAULT_DB_ALIAS);
    }

    /** A manager for an alias of {@code djorm.databases}. */
    public DjormTransactionManager(String alias) {
        this.alias = alias;
        // Managers of one alias share the key: djorm's blocks are per thread and alias, not per manager.
        this.resourceKey = "io.djorm.spring.transaction:" + alias;
        setNestedTransactionAllowed(true);
    }

    /** The alias this manager's transactions run on. */
    public String getAlias() {
        return alias;
    }

    @Override
    protected Object doGetTransaction() {
        return new DjormTransactionObject(alias, (AtomicBlockHolder) TransactionSynchronizationManager.getResource(resourceKey));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((DjormTransactionObject) transaction).holder() != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (definition.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT) {
            throw new NotSupportedError("@Transactional(timeout = " + definition.getTimeout() + ") on '"
                    + definition.getName() + "': djorm's atomic blocks have no timeout. Remove the timeout, or bound the "
                    + "work itself (the libsql engine's OPTIONS.timeout bounds each HTTP request).");
        }
        AtomicBlockHolder holder = new AtomicBlockHolder(Transaction.begin(alias));
        ((DjormTransactionObject) transaction).holder(holder);
        TransactionSynchronizationManager.bindResource(resourceKey, holder);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        throw new NotSupportedError("A Spring transaction on djorm alias '" + alias + "' cannot be suspended "
                + "(Propagation.REQUIRES_NEW or NOT_SUPPORTED inside a transaction): djorm holds one connection per thread "
                + "and alias, so the inner work would run inside the outer transaction. Use Propagation.NESTED (a savepoint), "
                + "or defer the work with Transaction.onCommit(...).");
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        ((DjormTransactionObject) status.getTransaction()).holder().block().commit();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        ((DjormTransactionObject) status.getTransaction()).holder().block().close();
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((DjormTransactionObject) status.getTransaction()).holder().setRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        AtomicBlockHolder holder = ((DjormTransactionObject) transaction).holder();
        TransactionSynchronizationManager.unbindResource(resourceKey);
        holder.block().close(); // a no-op after commit or rollback; releases the connection in any other case
    }

    @Override
    public String toString() {
        return "DjormTransactionManager[" + alias + "]";
    }
}
