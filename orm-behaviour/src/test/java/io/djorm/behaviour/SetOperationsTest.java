package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.NotSupportedError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4, point 5: union, intersection and difference, with ordering and slicing of the result. */
class SetOperationsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void unionOrderedAndSliced() {
        ShelfData.seed();
        var hardcovers = Book.objects().filter("format", "hc").valuesList("title", "pages");
        var long_ = Book.objects().filter("pages__gte", 412).valuesList("title", "pages");
        var orm = hardcovers.union(long_).orderBy("-pages", "title").slice(1, 4);
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, pages FROM shop_book WHERE format = 'hc' UNION "
                + "SELECT title, pages FROM shop_book WHERE pages >= 412 ORDER BY 2 DESC, 1 ASC LIMIT 3 OFFSET 1"));
        assertThat(hardcovers.union(long_).count()).isEqualTo(5);
        assertThat(hardcovers.union(true, long_).count()).isEqualTo(8);
    }

    @Test
    void modelRowsFromAUnion() {
        ShelfData.seed();
        var titles = Book.objects().filter("title", "Dune").union(Book.objects().filter("title", "Emma")).orderBy("title")
                .list().stream().map(b -> b.title).toList();
        assertThat(titles).containsExactly("Dune", "Emma");
    }

    @Test
    void intersectionAndDifference() {
        ShelfData.seed();
        var hardcovers = Book.objects().filter("format", "hc").valuesList("title");
        var long_ = Book.objects().filter("pages__gte", 474).valuesList("title");
        assertThat(lists(hardcovers.intersection(long_).orderBy("title"))).isEqualTo(sql("SELECT title FROM shop_book "
                + "WHERE format = 'hc' INTERSECT SELECT title FROM shop_book WHERE pages >= 474 ORDER BY 1"));
        assertThat(lists(long_.difference(hardcovers).orderBy("title"))).isEqualTo(sql("SELECT title FROM shop_book "
                + "WHERE pages >= 474 EXCEPT SELECT title FROM shop_book WHERE format = 'hc' ORDER BY 1"));
        assertThat(lists(Book.objects().valuesList("title").difference(hardcovers, long_).orderBy("-title").limit(2)))
                .isEqualTo(sql("SELECT title FROM shop_book EXCEPT SELECT title FROM shop_book WHERE format = 'hc' "
                        + "EXCEPT SELECT title FROM shop_book WHERE pages >= 474 ORDER BY 1 DESC LIMIT 2"));
    }

    @Test
    void filteringACombinedQueryIsRefused() {
        var combined = Book.objects().all().union(Book.objects().all());
        assertThatThrownBy(() -> combined.filter("pages__gt", 1)).isInstanceOf(NotSupportedError.class)
                .hasMessageContaining("after union()");
    }
}
