package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.Atomic;
import io.djorm.core.IntegrityError;
import io.djorm.core.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Atomic blocks, savepoints and on-commit hooks (issue 2, point 7). */
class TransactionTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    private static long books() {
        return Book.objects().count();
    }

    @Test
    void atomicBlockCommitsTogether() {
        Transaction.atomic(() -> {
            Book.objects().create("title", "A");
            Book.objects().create("title", "B");
            assertThat(Transaction.inAtomicBlock("default")).isTrue();
        });
        assertThat(Transaction.inAtomicBlock("default")).isFalse();
        assertThat(books()).isEqualTo(2);
    }

    @Test
    void anExceptionRollsTheWholeBlockBack() {
        assertThatThrownBy(() -> Transaction.atomic(() -> {
            Book.objects().create("title", "A");
            Book.objects().create("title", "B");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(books()).isZero();
    }

    @Test
    void aFailingStatementInsideAtomicKeepsNothingOfTheBlock() {
        Author.objects().create("name", "Ann", "email", "ann@example.com");
        assertThatThrownBy(() -> Transaction.atomic(() -> {
            Book.objects().create("title", "Written before the failure");
            Author.objects().create("name", "Ann again", "email", "ann@example.com");
        })).isInstanceOf(IntegrityError.class).hasMessageContaining("UNIQUE");
        assertThat(books()).isZero();
        assertThat(Author.objects().count()).isEqualTo(1);
    }

    @Test
    void everyObjectSavedInABlockGetsItsOwnKey() {
        Author.objects().create("name", "Before"); // new keys do not start at 1
        List<Book> books = new ArrayList<>();
        List<Author> authors = new ArrayList<>();
        Transaction.atomic(() -> {
            for (int i = 0; i < 30; i++) {
                Book b = new Book();
                b.title = "book " + i;
                b.pages = i;
                b.save();
                books.add(b);
                if (i % 10 == 9) authors.add(Author.objects().create("name", "author " + i)); // breaks the run
            }
        });
        for (Book b : books) assertThat(Book.objects().get("pk", b.pk()).title).isEqualTo(b.title);
        for (Author a : authors) assertThat(Author.objects().get("pk", a.pk()).name).isEqualTo(a.name);
        assertThat(books).extracting(Book::pk).doesNotHaveDuplicates();
    }

    @Test
    void aFailingRowAmongManySavesKeepsNothingOfTheBlock() {
        assertThatThrownBy(() -> Transaction.atomic(() -> {
            for (int i = 0; i < 5; i++) Author.objects().create("name", "a" + i, "email", "a" + i + "@example.com");
            Author.objects().create("name", "again", "email", "a2@example.com");
            Author.objects().create("name", "after", "email", "after@example.com");
        })).isInstanceOf(IntegrityError.class).hasMessageContaining("UNIQUE");
        assertThat(Author.objects().count()).isZero();
    }

    @Test
    void readsInsideTheBlockSeeItsWrites() {
        Transaction.atomic(() -> {
            Book b = Book.objects().create("title", "Inside", "pages", 5);
            assertThat(Book.objects().get("title", "Inside").pages).isEqualTo(5);
            assertThat(b.pk()).isNotNull();
            assertThat(Book.objects().filter("pages", 5).count()).isEqualTo(1);
        });
    }

    @Test
    void nestedBlocksAreSavepoints() {
        Transaction.atomic(() -> {
            Book.objects().create("title", "Outer");
            try {
                Transaction.atomic(() -> {
                    Book.objects().create("title", "Inner");
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                // the outer block goes on
            }
            Transaction.atomic(() -> Book.objects().create("title", "Inner kept"));
        });
        assertThat(Book.objects().all().valuesListFlat("title", String.class).list())
                .containsExactly("Inner kept", "Outer");
    }

    @Test
    void aDatabaseErrorInANestedBlockUndoesOnlyThatBlock() {
        Author.objects().create("name", "Ann", "email", "ann@example.com");
        Transaction.atomic(() -> {
            Book.objects().create("title", "Before");
            assertThatThrownBy(() -> Transaction.atomic(() -> {
                Book.objects().create("title", "Inside the failed block");
                Author.objects().create("name", "Twin", "email", "ann@example.com");
            })).isInstanceOf(IntegrityError.class);
            Book.objects().create("title", "After");
            // get_or_create's race handling relies on the same savepoint behaviour.
            assertThat(Author.objects().getOrCreate(java.util.Map.of("email", "ann@example.com")).created()).isFalse();
        });
        assertThat(Book.objects().all().valuesListFlat("title", String.class).list()).containsExactly("After", "Before");
        assertThat(Author.objects().count()).isEqualTo(1);
    }

    @Test
    void tryWithResourcesCommitsOnlyWhenTold() {
        try (Atomic tx = Transaction.begin()) {
            Book.objects().create("title", "Kept");
            tx.commit();
        }
        try (Atomic tx = Transaction.begin()) {
            Book.objects().create("title", "Dropped");
            assertThat(tx.isSavepoint()).isFalse();
        }
        assertThat(Book.objects().all().valuesListFlat("title", String.class).list()).containsExactly("Kept");
    }

    @Test
    void onCommitHooksRunAfterTheOutermostCommitOnly() {
        List<String> ran = new ArrayList<>();
        Transaction.onCommit(() -> ran.add("now"));
        assertThat(ran).containsExactly("now");
        Transaction.atomic(() -> {
            Transaction.onCommit(() -> ran.add("outer"));
            Transaction.atomic(() -> Transaction.onCommit(() -> ran.add("inner kept")));
            try {
                Transaction.atomic(() -> {
                    Transaction.onCommit(() -> ran.add("inner dropped"));
                    throw new IllegalStateException();
                });
            } catch (IllegalStateException expected) {
                // rolled back to the savepoint
            }
            assertThat(ran).containsExactly("now");
        });
        assertThat(ran).containsExactly("now", "outer", "inner kept");
        try {
            Transaction.atomic(() -> {
                Transaction.onCommit(() -> ran.add("never"));
                throw new IllegalStateException();
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(ran).doesNotContain("never");
    }

    @Test
    void autocommitOutsideAtomic() {
        Book.objects().create("title", "One");
        assertThatThrownBy(() -> Book.objects().create("title", "One", "edition", 1))
                .isInstanceOf(IntegrityError.class);
        assertThat(books()).isEqualTo(1);
    }
}
