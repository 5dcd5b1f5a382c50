package io.djorm.core;

import java.util.function.Supplier;

/**
 * Atomic blocks and on-commit hooks (Django: {@code django.db.transaction}). Outside a block every
 * statement commits on its own (autocommit). Inside, everything commits together or not at all; a
 * block inside a block is a savepoint, so an inner failure undoes only the inner block.
 *
 * <pre>{@code
 * Transaction.atomic(() -> {
 *     author.save();
 *     book.save();
 * });
 * }</pre>
 */
public final class Transaction {
    private Transaction() {
    }

    /** Runs work in an atomic block on the default alias; an exception rolls it back and propagates. */
    public static void atomic(Runnable work) {
        atomic(Djorm.DEFAULT_DB_ALIAS, work);
    }

    /** Runs work in an atomic block on an alias. */
    public static void atomic(String alias, Runnable work) {
        atomic(alias, () -> {
            work.run();
            return null;
        });
    }

    /** Runs work in an atomic block on the default alias and returns its result. */
    public static <T> T atomic(Supplier<T> work) {
        return atomic(Djorm.DEFAULT_DB_ALIAS, work);
    }

    /** Runs work in an atomic block on an alias and returns its result. */
    public static <T> T atomic(String alias, Supplier<T> work) {
        try (Atomic block = begin(alias)) {
            T result = work.get();
            block.commit();
            return result;
        }
    }

    /** Opens an atomic block on the default alias, for try-with-resources. */
    public static Atomic begin() {
        return begin(Djorm.DEFAULT_DB_ALIAS);
    }

    /** Opens an atomic block on an alias, for try-with-resources. */
    public static Atomic begin(String alias) {
        return new Atomic(Djorm.handle(alias));
    }

    /**
     * Runs an action after the outermost atomic block of the default alias commits (Django:
     * {@code transaction.on_commit}); at once when no block is open. Dropped if the block rolls back.
     */
    public static void onCommit(Runnable action) {
        onCommit(Djorm.DEFAULT_DB_ALIAS, action);
    }

    /** Runs an action after the outermost atomic block of an alias commits. */
    public static void onCommit(String alias, Runnable action) {
        var binding = Djorm.handle(alias).current();
        if (binding == null || !binding.transaction().active()) {
            action.run();
        } else {
            binding.transaction().onCommit(action);
        }
    }

    /** Whether the current thread is inside an atomic block on the alias. */
    public static boolean inAtomicBlock(String alias) {
        return Djorm.connection(alias).inAtomicBlock();
    }
}
