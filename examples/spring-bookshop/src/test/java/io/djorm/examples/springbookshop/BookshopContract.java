package io.djorm.examples.springbookshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bookshop started as an application (migrated at start-up) serves orders: a complete order commits,
 * and an order whose last line is out of stock rolls back entirely. One subclass per database.
 */
abstract class BookshopContract {
    @Autowired
    BookshopService shop;

    private String stocked(int firstCopies, int secondCopies, String[] titles) {
        String tag = UUID.randomUUID().toString();
        titles[0] = "First " + tag;
        titles[1] = "Second " + tag;
        Map<String, Integer> books = new LinkedHashMap<>();
        books.put(titles[0], firstCopies);
        books.put(titles[1], secondCopies);
        shop.stock("Author " + tag, books);
        return tag;
    }

    @Test
    void theShippedMigrationsWereAppliedAtStartup() {
        assertThat(Djorm.connection().query("SELECT name FROM djorm_migrations WHERE app = ?", "springbookshop").rows())
                .extracting(row -> row[0]).containsExactly("0001_initial");
    }

    @Test
    void aCompleteOrderCommits() {
        String[] titles = new String[2];
        stocked(5, 2, titles);
        shop.placeOrder(Map.of(titles[0], 2, titles[1], 2));
        assertThat(shop.stockOf(titles[0])).isEqualTo(3);
        assertThat(shop.stockOf(titles[1])).isZero();
        assertThat(Sale.objects().filter("book__title__in", java.util.List.of(titles[0], titles[1])).count()).isEqualTo(2);
    }

    @Test
    void anOrderWithALineOutOfStockRollsBackEveryLine() {
        String[] titles = new String[2];
        stocked(5, 2, titles);
        Map<String, Integer> order = new LinkedHashMap<>();
        order.put(titles[0], 1);
        order.put(titles[1], 3);
        assertThatThrownBy(() -> shop.placeOrder(order)).isInstanceOf(OutOfStock.class)
                .hasMessageContaining("3 copies");
        assertThat(shop.stockOf(titles[0])).isEqualTo(5);
        assertThat(shop.stockOf(titles[1])).isEqualTo(2);
        assertThat(Sale.objects().filter("book__title__in", java.util.List.of(titles[0], titles[1])).exists()).isFalse();
    }

    @Test
    void stockingTwiceTheSameTitleRollsBackTheAuthorToo() {
        String[] titles = new String[2];
        String tag = stocked(1, 1, titles);
        String newAuthor = "Newcomer " + tag;
        assertThatThrownBy(() -> shop.stock(newAuthor, Map.of(titles[0], 4)))
                .isInstanceOf(io.djorm.core.IntegrityError.class);
        assertThat(Author.objects().filter("name", newAuthor).exists()).isFalse();
        assertThat(shop.stockOf(titles[0])).isEqualTo(1);
    }
}
