package io.djorm.spring.notes;

import io.djorm.core.Transaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transactional service methods whose outcome the starter tests check in the database. */
@Service
public class NoteService {
    private final InnerNotes inner;

    /** Uses a second bean for inner scopes: a call on {@code this} would bypass the transaction proxy. */
    public NoteService(InnerNotes inner) {
        this.inner = inner;
    }

    /** Saves a note and commits. */
    @Transactional
    public void create(String title) {
        Note.create(title);
    }

    /** Saves a note, then fails: the note must be rolled back. */
    @Transactional
    public void createThenFail(String title) {
        Note.create(title);
        throw new IllegalStateException("failing after saving " + title);
    }

    /** Whether the method body ran inside a djorm atomic block on the default alias. */
    @Transactional
    public boolean inAtomicBlock() {
        return Transaction.inAtomicBlock("default");
    }

    /** Saves {@code outer}, then a NESTED scope that saves {@code nested} and fails; the outer commits. */
    @Transactional
    public void outerWithFailingNested(String outer, String nested) {
        Note.create(outer);
        try {
            inner.createThenFailNested(nested);
        } catch (IllegalStateException expected) {
            // only the savepoint is rolled back
        }
    }

    /** Saves {@code outer}, then a REQUIRED scope that fails; swallowing it still dooms the transaction. */
    @Transactional
    public void outerWithFailingRequired(String outer, String inner) {
        Note.create(outer);
        try {
            this.inner.createThenFailRequired(inner);
        } catch (IllegalStateException expected) {
            // the shared transaction is now rollback-only
        }
    }

    /** Saves {@code outer}, then asks for REQUIRES_NEW, which djorm cannot suspend for. */
    @Transactional
    public void outerWithRequiresNew(String outer, String inner) {
        Note.create(outer);
        this.inner.createRequiresNew(inner);
    }

    /** Saves {@code outer}, then a djorm atomic block that fails; only the block (a savepoint) is undone. */
    @Transactional
    public void outerWithFailingDjormBlock(String outer, String inner) {
        Note.create(outer);
        try {
            Transaction.atomic(() -> {
                Note.create(inner);
                throw new IllegalStateException("failing inside the djorm block");
            });
        } catch (IllegalStateException expected) {
            // rolled back to the savepoint
        }
    }
}
