package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.Subquery;
import io.djorm.core.expressions.Sum;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4, point 4: Subquery, OuterRef, Exists and __in with a queryset, over the same table. */
class SubqueryTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void correlatedSubqueryOverTheSameTable() {
        ShelfData.seed();
        var longestOfFormat = Book.objects().filter("format", OuterRef.of("format")).orderBy("-pages", "title").valuesList("title").limit(1);
        var orm = Book.objects().annotate("longest", new Subquery(longestOfFormat)).orderBy("title").valuesList("title", "longest");
        assertThat(lists(orm)).isEqualTo(sql("SELECT b.title, (SELECT u.title FROM shop_book u WHERE u.format = b.format "
                + "ORDER BY u.pages DESC, u.title ASC LIMIT 1) FROM shop_book b ORDER BY b.title"));
        assertThat(orm.sql()).contains("\"U0\".\"format\" = \"shop_book\".\"format\"");
    }

    @Test
    void subqueryOfAGroupedSumFiltersTheOuterRows() {
        ShelfData.seed();
        var formatTotal = Book.objects().filter("format", OuterRef.of("format")).values("format")
                .annotate("total", new Sum("pages")).valuesList("total");
        var orm = Book.objects().annotate("formatTotal", new Subquery(formatTotal))
                .filter("pages__gt", 1).orderBy("title").valuesList("title", "formatTotal");
        assertThat(lists(orm)).isEqualTo(sql("SELECT b.title, (SELECT SUM(u.pages) FROM shop_book u WHERE u.format = b.format "
                + "GROUP BY u.format) FROM shop_book b ORDER BY b.title"));
    }

    @Test
    void existsAsFilterAndAnnotation() {
        ShelfData.seed();
        var longer = Book.objects().filter("format", OuterRef.of("format")).filter("pages__gt", OuterRef.of("pages"));
        var orm = Book.objects().filter(new Exists(longer)).orderBy("title").valuesListFlat("title");
        assertThat(orm.list()).isEqualTo(sql("SELECT b.title FROM shop_book b WHERE EXISTS(SELECT 1 FROM shop_book u "
                + "WHERE u.format = b.format AND u.pages > b.pages) ORDER BY b.title").stream().map(r -> r.get(0)).toList());
        var longest = Book.objects().exclude(new Exists(longer)).orderBy("title").valuesListFlat("title").list();
        assertThat(longest).containsExactly("Dune", "Ivanhoe", "Middlemarch");
        Book emma = Book.objects().annotate("hasLonger", new Exists(longer)).get("title", "Emma");
        assertThat(emma.annotation("hasLonger")).isEqualTo(true);
    }

    @Test
    void inWithAQueryset() {
        ShelfData.seed();
        var cheap = Book.objects().filter("price__lt", 8).valuesList("pages");
        var orm = Book.objects().filter("pages__in", cheap).orderBy("title").valuesListFlat("title");
        assertThat(orm.list()).isEqualTo(sql("SELECT title FROM shop_book WHERE pages IN (SELECT pages FROM shop_book "
                + "WHERE price < 8) ORDER BY title").stream().map(r -> r.get(0)).toList());
        assertThat(orm.list()).containsExactly("Dune", "Emma", "Ivanhoe", "Walden");
        var notCheap = Book.objects().exclude("pk__in", Book.objects().filter("price__lt", 8)).orderBy("title").valuesListFlat("title");
        assertThat(notCheap.list()).containsExactly("Beloved", "Dune", "Middlemarch", "Ulysses");
    }
}
