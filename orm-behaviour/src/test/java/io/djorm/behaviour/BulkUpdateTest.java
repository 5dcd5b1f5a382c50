package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.DataError;
import io.djorm.core.QueryCapture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * bulkUpdate on every backend (SQLite runs it as a batch of one prepared UPDATE, the servers as CASE
 * statements): it writes each field kind as save() writes it, keeps the first object of a repeated
 * key, and refuses a value no column can hold before any statement is sent.
 */
class BulkUpdateTest extends BehaviourTest {
    private static final String[] FIELDS = {"pages", "price", "published", "lastRead", "rating", "inPrint", "format",
        "blurb", "extra", "code", "readingTime", "cover"};

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    private static void fill(Book b) {
        b.pages = 321;
        b.price = new BigDecimal("12.34");
        b.published = LocalDate.of(2020, 2, 29);
        b.lastRead = LocalDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_000);
        b.rating = 4.5;
        b.inPrint = false;
        b.format = "hc";
        b.blurb = "naïve 💡 it's";
        b.extra = Map.of("k", "v");
        b.code = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");
        b.readingTime = Duration.ofMinutes(90);
        b.cover = new byte[] {1, 2, 3};
    }

    private static Book saved(String title) {
        Book b = Book.titled(title);
        b.save();
        return b;
    }

    @Test
    void everyFieldKindIsWrittenAsSaveWritesIt() {
        Book bySave = saved("by save");
        saved("by bulkUpdate");
        saved("left alone");
        fill(bySave);
        bySave.save();
        Book loaded = Book.objects().get("title", "by bulkUpdate");
        fill(loaded);
        assertThat(Book.objects().bulkUpdate(List.of(loaded), FIELDS)).isEqualTo(1);
        Book expected = Book.objects().get("title", "by save");
        Book actual = Book.objects().get("title", "by bulkUpdate");
        for (String f : FIELDS) {
            assertThat(actual.get(f)).as(f).usingRecursiveComparison().isEqualTo(expected.get(f));
        }
        Book untouched = Book.objects().get("title", "left alone");
        assertThat(untouched.pages).isZero();
        assertThat(untouched.price).isNull();
    }

    @Test
    void theFirstObjectOfARepeatedKeyIsWritten() {
        Book first = saved("first");
        Book other = saved("other");
        Book twin = Book.objects().get("pk", first.pk());
        first.pages = 1;
        twin.pages = 2;
        other.pages = 3;
        assertThat(Book.objects().bulkUpdate(List.of(first, twin, other), "pages")).isEqualTo(2);
        assertThat(Book.objects().get("pk", first.pk()).pages).isEqualTo(1);
        assertThat(Book.objects().get("pk", other.pk()).pages).isEqualTo(3);
    }

    @Test
    void aValueNoColumnCanHoldIsRefusedBeforeAnyStatement() {
        refused("price", b -> b.price = new BigDecimal("1234567.89"), "Book.price");
        refused("rating", b -> b.rating = Double.NaN, "Book.rating");
        refused("published", b -> b.published = LocalDate.of(10_000, 1, 1), "Book.published");
        refused("title", b -> b.title = "lone \uD800", "lone surrogate");
    }

    private void refused(String field, Consumer<Book> bad, String message) {
        Book good = saved("good " + field);
        Book wrong = saved("wrong " + field);
        good.pages = 7;
        bad.accept(wrong);
        try (QueryCapture capture = QueryCapture.start()) {
            assertThatThrownBy(() -> Book.objects().bulkUpdate(List.of(good, wrong), "pages", field))
                    .as(field).isInstanceOf(DataError.class).hasMessageContaining(message);
            assertThat(capture.queries()).as(field).isEmpty();
        }
        assertThat(Book.objects().get("pk", good.pk()).pages).as(field).isZero();
    }
}
