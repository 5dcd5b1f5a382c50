package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Atomic;
import io.djorm.core.IntegrityError;
import io.djorm.core.Transaction;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of docs/transactions.md. */
class TransactionsSnippetsTest extends ShopTest {

    @Test
    void atomicBlocks() {
        // region transactions-atomic
        try {
            Transaction.atomic(() -> {
                Book dune = Book.objects().get("title", "Dune");
                dune.pages = 500;
                dune.save("pages");
                Author.objects().create("name", "Impostor", "email", "ursula@example.com"); // duplicate: IntegrityError
            });
        } catch (IntegrityError e) {
            // nothing of the block was kept: Dune still has 412 pages
        }
        // endregion transactions-atomic
        assertThat(Book.objects().get("title", "Dune").pages).isEqualTo(412);

        // region transactions-result
        long tagged = Transaction.atomic(() -> {
            Tag tag = Tag.objects().create("name", "desert");
            Book.objects().get("title", "Dune").tags.add(tag);
            return tag.books().count();
        });
        // endregion transactions-result
        assertThat(tagged).isEqualTo(1);
    }

    @Test
    void savepoints() {
        // region transactions-savepoint
        Transaction.atomic(() -> {
            Tag.objects().create("name", "kept");
            try {
                Transaction.atomic(() -> {                // a SAVEPOINT
                    Tag.objects().create("name", "undone");
                    throw new IllegalStateException("changed my mind");
                });
            } catch (IllegalStateException e) {
                // only the inner block rolled back
            }
        });
        // endregion transactions-savepoint
        assertThat(Tag.objects().filter("name__in", List.of("kept", "undone")).valuesListFlat("name").list())
                .containsExactly("kept");
    }

    @Test
    void tryWithResourcesAndOnCommit() {
        // region transactions-begin
        List<String> sent = new ArrayList<>();
        try (Atomic tx = Transaction.begin()) {
            Tag.objects().create("name", "fantasy");
            Transaction.onCommit(() -> sent.add("mail: new tag"));   // runs after COMMIT, never after ROLLBACK
            tx.commit();
        }                                                            // closing without commit() rolls back
        // endregion transactions-begin
        assertThat(sent).containsExactly("mail: new tag");
        assertThat(Tag.objects().filter("name", "fantasy").exists()).isTrue();
    }
}
