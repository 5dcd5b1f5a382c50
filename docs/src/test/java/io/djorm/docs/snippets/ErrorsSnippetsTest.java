package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DataError;
import io.djorm.core.DatabaseError;
import io.djorm.core.Djorm;
import io.djorm.core.DoesNotExist;
import io.djorm.core.FieldError;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.IntegrityError;
import io.djorm.core.MultipleObjectsReturned;
import io.djorm.core.NotSupportedError;
import io.djorm.core.ValidationError;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippets of docs/errors.md: each error raised for real, with the message it carries. */
class ErrorsSnippetsTest extends ShopTest {

    @Test
    void catchingByFamily() {
        // region errors-catch
        String handled;
        try {
            Author.objects().create("name", "Ursula again", "email", "ursula@example.com");
            handled = "created";
        } catch (IntegrityError e) {            // a constraint refused the row: tell the user, do not retry
            handled = "duplicate e-mail";
        } catch (DatabaseError e) {             // any other database failure (OperationalError: retry later)
            handled = "database problem: " + e.getMessage();
        }
        // endregion errors-catch
        assertThat(handled).isEqualTo("duplicate e-mail");
    }

    @Test
    void validation() {
        // region errors-validation
        Author a = new Author();
        a.name = "x".repeat(150);
        a.email = "not an address";
        Map<String, List<String>> problems = Map.of();
        try {
            a.fullClean();                      // checks every field before any SQL is sent
        } catch (ValidationError e) {
            problems = e.errors();              // field name -> messages
        }
        // endregion errors-validation
        assertThat(problems).containsOnlyKeys("name", "email");
    }

    @Test
    void badValuesAreRefusedBeforeAnySql() {
        // region errors-bad-values
        String refused = null;
        Book careless = new Book();
        careless.title = "Dune";
        careless.published = java.time.LocalDate.of(10000, 1, 1);   // a year no date column can hold
        try {
            careless.save();
        } catch (DataError e) {                  // "Cannot store +10000-01-01 in shop.Book.published: ..."
            refused = e.getMessage();
        }
        // endregion errors-bad-values
        assertThat(refused).contains("shop.Book.published").contains("+10000-01-01");
        assertThat(careless.pk()).isNull();
    }

    @Test
    void messagesSayWhatToDo() {
        assertThatThrownBy(() -> Book.objects().get("title", "Nope")).isInstanceOf(DoesNotExist.class)
                .hasMessage("Book matching query does not exist.");
        assertThatThrownBy(() -> Book.objects().get("pages__gt", 100)).isInstanceOf(MultipleObjectsReturned.class)
                .hasMessageContaining("it returned 4!");
        assertThatThrownBy(() -> Book.objects().filter("colour", "red").list()).isInstanceOf(FieldError.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> Book.objects().all().distinct("title")).isInstanceOf(NotSupportedError.class);
        assertThatThrownBy(() -> Djorm.connection().syncReplica()).isInstanceOf(NotSupportedError.class)
                .hasMessageContaining("is not an embedded replica");
        assertThatThrownBy(() -> Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "postgres")))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("Installed engines:");
    }
}
