package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static io.djorm.behaviour.ShelfData.values;
import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.Q;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.Min;
import io.djorm.core.expressions.StdDev;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Variance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4, point 2: aggregate(), annotate() with Django's GROUP BY rules, and HAVING. */
class AggregationTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void aggregateReturnsConvertedValuesByName() {
        ShelfData.seed();
        Map<String, Expression> wanted = new LinkedHashMap<>();
        wanted.put("n", new Count("*"));
        wanted.put("rated", new Count("rating"));
        wanted.put("ratings", new Count("rating", true));
        wanted.put("pages", new Sum("pages"));
        wanted.put("avgPages", new Avg("pages"));
        wanted.put("minPrice", new Min("price"));
        wanted.put("maxPublished", new Max("published"));
        wanted.put("sd", new StdDev("pages"));
        wanted.put("sdSample", new StdDev("pages", true));
        wanted.put("var", new Variance("rating"));
        wanted.put("varSample", new Variance("rating", true));
        Map<String, Object> got = Book.objects().filter("pages__gt", 300).aggregate(wanted);
        assertThat(got.keySet()).containsExactlyElementsOf(wanted.keySet());
        assertThat(got.get("n")).isEqualTo(7L);
        assertThat(got.get("pages")).isEqualTo(3584L);
        assertThat(got.get("minPrice")).isEqualTo(new BigDecimal("3.00"));
        assertThat(got.get("maxPublished")).isEqualTo(LocalDate.of(1965, 8, 1));
        // Population and sample deviations by their definitions, in plain SQL.
        assertThat(values(got)).isEqualTo(sql("SELECT COUNT(*), COUNT(rating), COUNT(DISTINCT rating), SUM(pages), AVG(pages), "
                + "MIN(price), MAX(published), "
                + "(SELECT SQRT(SUM((pages - m) * (pages - m)) / COUNT(*)) FROM shop_book, (SELECT AVG(pages) AS m FROM shop_book WHERE pages > 300) WHERE pages > 300), "
                + "(SELECT SQRT(SUM((pages - m) * (pages - m)) / (COUNT(*) - 1)) FROM shop_book, (SELECT AVG(pages) AS m FROM shop_book WHERE pages > 300) WHERE pages > 300), "
                + "(SELECT SUM((rating - m) * (rating - m)) / COUNT(rating) FROM shop_book, (SELECT AVG(rating) AS m FROM shop_book WHERE pages > 300) WHERE pages > 300 AND rating IS NOT NULL), "
                + "(SELECT SUM((rating - m) * (rating - m)) / (COUNT(rating) - 1) FROM shop_book, (SELECT AVG(rating) AS m FROM shop_book WHERE pages > 300) WHERE pages > 300 AND rating IS NOT NULL) "
                + "FROM shop_book WHERE pages > ?", 300).get(0));
    }

    @Test
    void aggregateDefaultNamesFiltersAndEmptySets() {
        ShelfData.seed();
        Map<String, Object> got = Book.objects().aggregate(new Sum("pages"), new Max("rating"));
        assertThat(got).containsOnlyKeys("pages__sum", "rating__max");
        assertThat(values(got)).isEqualTo(sql("SELECT SUM(pages), MAX(rating) FROM shop_book").get(0));
        Map<String, Object> filtered = Book.objects().aggregate("hc", new Count("*").filter(Q.of("format", "hc")),
                "longPages", new Sum("pages").filter(Q.of("pages__gte", 474)));
        assertThat(values(filtered)).isEqualTo(sql("SELECT SUM(CASE WHEN format = 'hc' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN pages >= 474 THEN pages END) FROM shop_book").get(0));
        assertThat(Book.objects().filter("pages__gt", 5000).aggregate("n", new Count("*"), "s", new Sum("pages")))
                .containsEntry("n", 0L).containsEntry("s", null);
        assertThat(Book.objects().none().aggregate("n", new Count("*"))).containsEntry("n", 0L);
    }

    @Test
    void valuesThenAnnotateGroupsByTheValues() {
        ShelfData.seed();
        var orm = Book.objects().values("format").annotate("n", new Count("*")).annotate("totalPages", new Sum("pages"))
                .annotate("avgRating", new Avg("rating")).orderBy("format");
        assertThat(orm.list().get(0)).containsOnlyKeys("format", "n", "totalPages", "avgRating");
        List<List<Object>> rows = orm.list().stream().map(ShelfData::values).toList();
        assertThat(rows).isEqualTo(sql("SELECT format, COUNT(*), SUM(pages), AVG(rating) FROM shop_book GROUP BY format ORDER BY format"));
        assertThat(rows).hasSize(2);
    }

    @Test
    void annotateAloneGroupsPerRow() {
        ShelfData.seed();
        var orm = Book.objects().annotate("n", new Count("*")).annotate("twice", new Sum(F("pages").times(2)))
                .orderBy("title").valuesList("title", "n", "twice");
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, COUNT(*), SUM(pages * 2) FROM shop_book GROUP BY id ORDER BY title"));
        Book dune = Book.objects().annotate("twice", new Sum(F("pages").times(2))).get("title", "Dune");
        assertThat(dune.annotation("twice")).isEqualTo(824L);
    }

    @Test
    void filtersOnAggregatesBecomeHaving() {
        ShelfData.seed();
        var orm = Book.objects().filter("rating__isnull", false).values("rating").annotate("n", new Count("*"))
                .filter("n__gte", 2).orderBy("-rating").valuesList("rating", "n");
        assertThat(lists(orm)).isEqualTo(sql("SELECT rating, COUNT(*) FROM shop_book WHERE rating IS NOT NULL "
                + "GROUP BY rating HAVING COUNT(*) >= 2 ORDER BY rating DESC"));
        assertThat(orm.count()).isEqualTo(2);
        String text = orm.sql();
        assertThat(text).contains("WHERE \"shop_book\".\"rating\" IS NOT NULL").contains("HAVING COUNT(*) >= 2");
    }

    @Test
    void aggregateOverAGroupedQueryReadsItAsASubquery() {
        ShelfData.seed();
        Map<String, Object> got = Book.objects().values("format").annotate("total", new Sum("pages"))
                .aggregate("maxTotal", new Max("total"), "groups", new Count("*"));
        assertThat(values(got)).isEqualTo(sql("SELECT MAX(total), COUNT(*) FROM (SELECT format, SUM(pages) AS total "
                + "FROM shop_book GROUP BY format)").get(0));
        Map<String, Object> sliced = Book.objects().orderBy("-pages").limit(3).aggregate("s", new Sum("pages"));
        assertThat(values(sliced)).isEqualTo(sql("SELECT SUM(pages) FROM (SELECT pages FROM shop_book ORDER BY pages DESC LIMIT 3)").get(0));
    }
}
