package io.djorm.spring.internal;

import io.djorm.core.Atomic;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * The djorm atomic block a Spring transaction opened, bound to the thread for the transaction's
 * lifetime; participating scopes share it and its rollback-only mark.
 */
public final class AtomicBlockHolder extends ResourceHolderSupport {
    private final Atomic block;

    /** Holds an open outermost block. */
    public AtomicBlockHolder(Atomic block) {
        this.block = block;
    }

    /** The block. */
    public Atomic block() {
        return block;
    }
}
