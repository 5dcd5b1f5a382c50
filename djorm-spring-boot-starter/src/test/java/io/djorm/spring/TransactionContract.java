package io.djorm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.NotSupportedError;
import io.djorm.core.Transaction;
import io.djorm.spring.notes.Note;
import io.djorm.spring.notes.NoteService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * What the starter promises on every backend, run by one {@code @SpringBootTest} subclass per backend: the
 * context migrated the shipped migration, and {@code @Transactional} commits, rolls back and nests through
 * djorm's atomic blocks.
 */
abstract class TransactionContract {
    @Autowired
    NoteService notes;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void migrateOnStartupAppliedTheShippedMigration() {
        assertThat(Djorm.connection().query("SELECT name FROM djorm_migrations WHERE app = ?", "notes").rows())
                .extracting(row -> row[0]).containsExactly("0001_initial");
        assertThat(Note.objects().filter("title", "nothing").exists()).isFalse();
    }

    @Test
    void theDefaultTransactionManagerIsDjorms() {
        assertThat(transactionManager).isInstanceOfSatisfying(DjormTransactionManager.class,
                tm -> assertThat(tm.getAlias()).isEqualTo("default"));
        assertThat(notes.inAtomicBlock()).isTrue();
        assertThat(Djorm.connection().inAtomicBlock()).isFalse();
    }

    @Test
    void aCompletedMethodCommits() {
        String title = unique("commit");
        notes.create(title);
        assertThat(Note.exists(title)).isTrue();
    }

    @Test
    void anExceptionRollsTheMethodBack() {
        String title = unique("rollback");
        assertThatThrownBy(() -> notes.createThenFail(title)).isInstanceOf(IllegalStateException.class);
        assertThat(Note.exists(title)).isFalse();
        assertThat(Djorm.connection().inAtomicBlock()).isFalse();
    }

    @Test
    void aFailingNestedScopeRollsBackToItsSavepointOnly() {
        String outer = unique("outer");
        String nested = unique("nested");
        notes.outerWithFailingNested(outer, nested);
        assertThat(Note.exists(outer)).isTrue();
        assertThat(Note.exists(nested)).isFalse();
    }

    @Test
    void aFailingParticipatingScopeDoomsTheWholeTransaction() {
        String outer = unique("outer");
        String inner = unique("inner");
        assertThatThrownBy(() -> notes.outerWithFailingRequired(outer, inner))
                .isInstanceOf(UnexpectedRollbackException.class);
        assertThat(Note.exists(outer)).isFalse();
        assertThat(Note.exists(inner)).isFalse();
    }

    @Test
    void requiresNewInsideATransactionIsRefusedAndNothingCommits() {
        String outer = unique("outer");
        String inner = unique("inner");
        assertThatThrownBy(() -> notes.outerWithRequiresNew(outer, inner))
                .isInstanceOf(NotSupportedError.class).hasMessageContaining("REQUIRES_NEW");
        assertThat(Note.exists(outer)).isFalse();
        assertThat(Note.exists(inner)).isFalse();
    }

    @Test
    void aDjormAtomicBlockInsideIsASavepointOfTheSpringTransaction() {
        String outer = unique("outer");
        String inner = unique("inner");
        notes.outerWithFailingDjormBlock(outer, inner);
        assertThat(Note.exists(outer)).isTrue();
        assertThat(Note.exists(inner)).isFalse();
    }

    @Test
    void aTransactionalMethodInsideAPlainDjormBlockIsASavepointOfThatBlock() {
        String kept = unique("kept");
        String undone = unique("undone");
        Transaction.atomic(() -> {
            Note.create(kept);
            try {
                notes.createThenFail(undone);
            } catch (IllegalStateException expected) {
                // the method's savepoint was rolled back; the djorm block goes on
            }
        });
        assertThat(Note.exists(kept)).isTrue();
        assertThat(Note.exists(undone)).isFalse();
    }
}
