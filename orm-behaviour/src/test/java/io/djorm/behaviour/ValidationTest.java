package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.DataError;
import io.djorm.core.IntegrityError;
import io.djorm.core.ValidationError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instances: save, delete, refreshFromDb, fullClean, equality (issue 2, point 6) and bad input. */
class ValidationTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void fullCleanReportsEveryProblemPerField() {
        Author a = new Author();
        a.name = "x".repeat(51);
        a.email = "not-an-email";
        a.website = "notaurl";
        a.slug = "has spaces";
        assertThatThrownBy(a::fullClean).isInstanceOfSatisfying(ValidationError.class, e -> {
            assertThat(e.errors()).containsOnlyKeys("name", "email", "website", "slug");
            assertThat(e.errors().get("name")).containsExactly("Ensure this value has at most 50 characters (it has 51).");
            assertThat(e.errors().get("email")).containsExactly("Enter a valid email address.");
        });
        a.name = "Ann";
        a.email = "ann@example.com";
        a.website = "https://example.com/ann?x=1";
        a.slug = "ann-1";
        a.fullClean();
    }

    @Test
    void fullCleanChecksNullBlankChoicesDecimalsAndUniqueness() {
        Book b = new Book();
        b.title = "";
        b.format = "xx";
        b.price = new BigDecimal("123456.789");
        assertThatThrownBy(b::fullClean).isInstanceOfSatisfying(ValidationError.class, e -> {
            assertThat(e.errors().get("title")).containsExactly("This field cannot be blank.");
            assertThat(e.errors().get("format")).containsExactly("Value 'xx' is not a valid choice.");
            assertThat(e.errors().get("price")).contains("Ensure that there are no more than 2 decimal places.");
        });
        b.title = null;
        assertThatThrownBy(b::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors().get("title")).containsExactly("This field cannot be null."));
        Author.objects().create("name", "Ann", "email", "ann@example.com");
        Author twin = new Author();
        twin.name = "Other";
        twin.email = "ann@example.com";
        assertThatThrownBy(twin::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors().get("email")).containsExactly("Author with this email already exists."));
        Book.objects().create("title", "Same", "edition", 2);
        Book same = Book.titled("Same");
        same.edition = 2;
        assertThatThrownBy(same::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.errors().get("__all__")).containsExactly("Book with this title and edition already exists."));
    }

    @Test
    void aTooLongStringIsRefusedAndNothingIsSaved() {
        Book b = Book.titled("t".repeat(101));
        assertThatThrownBy(b::save).isInstanceOf(DataError.class).hasMessageContaining("max_length 100");
        assertThat(b.pk()).isNull();
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void aNullInANonNullColumnIsAnIntegrityErrorAndNothingIsSaved() {
        Book b = new Book();
        assertThatThrownBy(b::save).isInstanceOf(IntegrityError.class).hasMessageContaining("NOT NULL");
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void aCheckConstraintIsEnforced() {
        Book b = Book.titled("Negative");
        b.pages = -1;
        assertThatThrownBy(b::save).isInstanceOf(IntegrityError.class).hasMessageContaining("CHECK");
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void saveInsertsThenUpdatesAndUpdateFieldsTouchOnlyThose() {
        Book b = Book.titled("First");
        b.save();
        Object pk = b.pk();
        b.title = "Second";
        b.pages = 10;
        b.save("pages");
        Book back = Book.objects().get("pk", pk);
        assertThat(back.pages).isEqualTo(10);
        assertThat(back.title).isEqualTo("First");
        b.save();
        assertThat(Book.objects().get("pk", pk).title).isEqualTo("Second");
        assertThat(Book.objects().count()).isEqualTo(1);
    }

    @Test
    void refreshFromDbAndDeleteAndEquality() {
        Book b = Book.objects().create("title", "Fresh", "pages", 1);
        Book.objects().filter("pk", b.pk()).update("pages", 99);
        assertThat(b.pages).isEqualTo(1);
        b.refreshFromDb();
        assertThat(b.pages).isEqualTo(99);
        Book copy = Book.objects().get("pk", b.pk());
        assertThat(copy).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Book.titled("x")).isNotEqualTo(Book.titled("x"));
        var deleted = b.delete();
        assertThat(deleted.total()).isEqualTo(1);
        assertThat(deleted.perModel()).containsEntry("shop.Book", 1L);
        assertThat(Book.objects().count()).isZero();
        assertThatThrownBy(copy::refreshFromDb).hasMessageContaining("does not exist");
    }
}
