package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippets of docs/queries.md on dates(), inBulk, many-to-many keys and the through table. */
class QueriesApiSnippetsTest extends ShopTest {

    @Test
    void datesAndInBulk() {
        // region queries-dates
        List<LocalDate> years = Book.objects().dates("published", "year").list();          // Django: dates()
        List<LocalDate> newestFirst = Book.objects().dates("published", "month", "DESC").list();
        Map<Object, Book> byPk = Book.objects().inBulk(List.of(1L, 2L));                   // Django: in_bulk()
        // endregion queries-dates
        assertThat(years).containsExactly(LocalDate.of(1965, 1, 1), LocalDate.of(1968, 1, 1), LocalDate.of(1974, 1, 1),
                LocalDate.of(1976, 1, 1));
        assertThat(newestFirst).first().isEqualTo(LocalDate.of(1976, 1, 1));
        assertThat(byPk).containsOnlyKeys(1L, 2L);
        // Across a relation, from the reverse side of the foreign key: each year once.
        assertThat(io.djorm.docs.shop.Author.objects().dates("books__published", "year", "DESC").list())
                .containsExactly(LocalDate.of(1976, 1, 1), LocalDate.of(1974, 1, 1), LocalDate.of(1968, 1, 1),
                        LocalDate.of(1965, 1, 1));
    }

    @Test
    void manyToManyKeysAndThrough() {
        // region queries-m2m-keys
        Book dune = Book.objects().get("title", "Dune");
        long sf = (Long) Tag.objects().get("name", "sf").pk();
        long classic = (Long) Tag.objects().get("name", "classic").pk();
        dune.tags.removePks(classic);                      // Django: dune.tags.remove(2)
        dune.tags.addPks(classic);                         // Django: dune.tags.add(2)
        dune.tags.setPks(List.of(sf));                     // Django: dune.tags.set([1])
        List<Map<String, Object>> links = Book.objects().through("tags")   // Django: Book.tags.through.objects
                .filter("tag__name", "classic")
                .values("book__title")
                .list();
        // endregion queries-m2m-keys
        assertThat(dune.tags.list()).extracting(t -> t.name).containsExactly("sf");
        assertThat(links).containsExactly(Map.of("book__title", "A Wizard of Earthsea"));
    }
}
