package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static io.djorm.behaviour.ShelfData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.FieldError;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.Sum;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: annotate() and aggregate() over relations (reverse foreign keys, many-to-many, forward
 * paths), with Django's GROUP BY and LEFT JOIN rules. Every expected row comes from a hand-written
 * SQL query over the same data on the same backend.
 */
class RelationAggregationTest extends BehaviourTest {

    /** The writer with no novels: the LEFT JOIN must keep it, with a count of 0. */
    private static final String NOBODY = "Nobody";

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class);
    }

    /**
     * Four writers (one without novels), six novels (two without a publisher), four tags (one unused,
     * and tags shared across writers so distinct counts differ from plain ones), seven reviews.
     */
    private static void seed() {
        Writer leGuin = Writer.named("Le Guin");
        Writer tolkien = Writer.named("Tolkien");
        Writer austen = Writer.named("Austen");
        Writer.named(NOBODY);
        Publisher ace = Publisher.named("Ace");
        Publisher allen = Publisher.named("Allen");
        Tag fantasy = Tag.named("fantasy");
        Tag classic = Tag.named("classic");
        Tag scifi = Tag.named("scifi");
        Tag.named("unused");
        novel(leGuin, "Earthsea", 200, ace, List.of(fantasy, classic), 5, 4);
        novel(leGuin, "Dispossessed", 380, ace, List.of(scifi, classic), 5);
        novel(leGuin, "Lathe", 180, null, List.of(scifi));
        novel(tolkien, "Hobbit", 310, allen, List.of(fantasy, classic), 4, 3, 5);
        novel(tolkien, "Silmarillion", 365, allen, List.of(fantasy));
        novel(austen, "Emma", 474, null, List.of(classic), 2);
    }

    private static void novel(Writer author, String title, int pages, Publisher publisher, List<Tag> tags, int... stars) {
        Novel n = Novel.by(author, title, pages);
        if (publisher != null) {
            n.publisher.set(publisher);
            n.save();
        }
        tags.forEach(n.tags::add);
        for (int s : stars) Review.of(n, s);
    }

    @Test
    void countOverAReverseForeignKeyKeepsRowsWithoutRelatedObjects() {
        seed();
        var orm = Writer.objects().annotate("n", new Count("novels")).orderBy("name").valuesList("name", "n");
        List<List<Object>> expected = sql("SELECT w.name, COUNT(n.id) FROM shop_writer w "
                + "LEFT JOIN shop_novel n ON n.author_id = w.id GROUP BY w.id, w.name ORDER BY w.name");
        assertThat(lists(orm)).isEqualTo(expected);
        assertThat(expected).hasSize(4).contains(List.of(NOBODY, 0.0));
        assertThat(orm.sql()).contains("LEFT OUTER JOIN");
        Writer nobody = Writer.objects().annotate("n", new Count("novels")).get("name", NOBODY);
        assertThat(nobody.annotation("n")).isEqualTo(0L);
    }

    @Test
    void countDistinctOverAManyToManyBehindAReverseForeignKey() {
        seed();
        var orm = Writer.objects().annotate("links", new Count("novels__tags"))
                .annotate("tagKinds", new Count("novels__tags", true)).orderBy("name").valuesList("name", "links", "tagKinds");
        List<List<Object>> expected = sql("SELECT w.name, COUNT(nt.tag_id), COUNT(DISTINCT nt.tag_id) FROM shop_writer w "
                + "LEFT JOIN shop_novel n ON n.author_id = w.id LEFT JOIN shop_novel_tags nt ON nt.novel_id = n.id "
                + "GROUP BY w.id, w.name ORDER BY w.name");
        assertThat(lists(orm)).isEqualTo(expected);
        // Le Guin's novels carry classic twice and scifi twice: five links, three kinds.
        assertThat(expected).contains(List.of("Le Guin", 5.0, 3.0), List.of(NOBODY, 0.0, 0.0));
    }

    @Test
    void sumAndAvgOverAReverseForeignKeyShareOneJoin() {
        seed();
        var orm = Writer.objects().annotate("n", new Count("novels")).annotate("pages", new Sum("novels__pages"))
                .annotate("avgPages", new Avg("novels__pages")).orderBy("name").valuesList("name", "n", "pages", "avgPages");
        List<List<Object>> expected = sql("SELECT w.name, COUNT(n.id), SUM(n.pages), AVG(n.pages) FROM shop_writer w "
                + "LEFT JOIN shop_novel n ON n.author_id = w.id GROUP BY w.id, w.name ORDER BY w.name");
        assertThat(lists(orm)).isEqualTo(expected);
        // SUM and AVG over no rows are NULL, not 0.
        assertThat(expected).contains(java.util.Arrays.asList(NOBODY, 0.0, null, null));
        // Two hops: the average review of each writer's novels.
        var stars = Writer.objects().annotate("avgStars", new Avg("novels__reviews__stars"))
                .annotate("best", new Max("novels__reviews__stars")).orderBy("name").valuesList("name", "avgStars", "best");
        assertThat(lists(stars)).isEqualTo(sql("SELECT w.name, AVG(r.stars), MAX(r.stars) FROM shop_writer w "
                + "LEFT JOIN shop_novel n ON n.author_id = w.id LEFT JOIN shop_review r ON r.novel_id = n.id "
                + "GROUP BY w.id, w.name ORDER BY w.name"));
    }

    @Test
    void filterOnTheAnnotationBecomesHaving() {
        seed();
        var orm = Writer.objects().annotate("n", new Count("novels")).filter("n__gte", 2).orderBy("name").valuesList("name", "n");
        assertThat(lists(orm)).isEqualTo(sql("SELECT w.name, COUNT(n.id) FROM shop_writer w "
                + "LEFT JOIN shop_novel n ON n.author_id = w.id GROUP BY w.id, w.name HAVING COUNT(n.id) >= 2 ORDER BY w.name"));
        assertThat(lists(orm)).extracting(row -> row.get(0)).containsExactly("Le Guin", "Tolkien");
        assertThat(orm.sql()).contains("HAVING");
        assertThat(orm.count()).isEqualTo(2);
        // filter() before annotate() narrows the rows counted (Django: the filter's join is the annotation's).
        var longOnes = Writer.objects().filter("novels__pages__gt", 300).annotate("n", new Count("novels"))
                .orderBy("name").valuesList("name", "n");
        assertThat(lists(longOnes)).isEqualTo(sql("SELECT w.name, COUNT(n.id) FROM shop_writer w "
                + "JOIN shop_novel n ON n.author_id = w.id WHERE n.pages > 300 GROUP BY w.id, w.name ORDER BY w.name"));
    }

    @Test
    void valuesOfARelatedFieldGroupByThatField() {
        seed();
        var orm = Novel.objects().values("author__name").annotate("n", new Count("*")).annotate("totalPages", new Sum("pages"))
                .orderBy("author__name");
        assertThat(orm.list().get(0)).containsOnlyKeys("author__name", "n", "totalPages");
        assertThat(orm.list().stream().map(ShelfData::values).toList()).isEqualTo(sql("SELECT w.name, COUNT(*), SUM(n.pages) "
                + "FROM shop_novel n JOIN shop_writer w ON w.id = n.author_id GROUP BY w.name ORDER BY w.name"));
        // A nullable forward key groups the novels without a publisher under NULL.
        var byPublisher = Novel.objects().values("publisher__name").annotate("n", new Count("*"))
                .orderBy("publisher__name").valuesList("publisher__name", "n");
        assertThat(lists(byPublisher)).isEqualTo(sql("SELECT p.name, COUNT(*) FROM shop_novel n "
                + "LEFT JOIN shop_publisher p ON p.id = n.publisher_id GROUP BY p.name ORDER BY p.name"));
        // Two hops up: reviews grouped by the writer of the reviewed novel.
        var reviews = Review.objects().values("novel__author__name").annotate("avgStars", new Avg("stars"))
                .orderBy("novel__author__name").valuesList("novel__author__name", "avgStars");
        assertThat(lists(reviews)).isEqualTo(sql("SELECT w.name, AVG(r.stars) FROM shop_review r "
                + "JOIN shop_novel n ON n.id = r.novel_id JOIN shop_writer w ON w.id = n.author_id GROUP BY w.name ORDER BY w.name"));
    }

    @Test
    void aggregateAcrossAManyToMany() {
        seed();
        Map<String, Object> got = Novel.objects().aggregate("links", new Count("tags"), "kinds", new Count("tags", true));
        assertThat(values(got)).isEqualTo(sql("SELECT COUNT(nt.tag_id), COUNT(DISTINCT nt.tag_id) FROM shop_novel n "
                + "LEFT JOIN shop_novel_tags nt ON nt.novel_id = n.id").get(0));
        assertThat(got).containsEntry("links", 9L).containsEntry("kinds", 3L);
        // From the other side, and with the default name.
        Map<String, Object> reverse = Tag.objects().aggregate(new Count("novels"));
        assertThat(reverse).containsOnlyKeys("novels__count");
        assertThat(values(reverse)).isEqualTo(sql("SELECT COUNT(nt.novel_id) FROM shop_tag t "
                + "LEFT JOIN shop_novel_tags nt ON nt.tag_id = t.id").get(0));
        // An aggregate over an annotated relation count reads the grouped query as a subquery.
        Map<String, Object> most = Tag.objects().annotate("n", new Count("novels")).aggregate("most", new Max("n"));
        assertThat(values(most)).isEqualTo(sql("SELECT MAX(c) FROM (SELECT COUNT(nt.novel_id) AS c FROM shop_tag t "
                + "LEFT JOIN shop_novel_tags nt ON nt.tag_id = t.id GROUP BY t.id)").get(0));
    }

    @Test
    void orderByTheAnnotation() {
        seed();
        var orm = Tag.objects().annotate("n", new Count("novels")).orderBy("-n", "name").valuesList("name", "n");
        List<List<Object>> expected = sql("SELECT t.name, COUNT(nt.novel_id) AS c FROM shop_tag t "
                + "LEFT JOIN shop_novel_tags nt ON nt.tag_id = t.id GROUP BY t.id, t.name ORDER BY c DESC, t.name");
        assertThat(lists(orm)).isEqualTo(expected);
        assertThat(lists(orm)).extracting(row -> row.get(0)).containsExactly("classic", "fantasy", "scifi", "unused");
        List<Writer> writers = Writer.objects().annotate("pages", new Sum("novels__pages")).filter("pages__isnull", false)
                .orderBy("pages").list();
        assertThat(writers).extracting(w -> w.name).containsExactly("Austen", "Tolkien", "Le Guin");
    }

    @Test
    void twoMultiValuedRelationsMultiplyRowsUnlessDistinct() {
        seed();
        // Django's documented behaviour: both LEFT JOINs in one query, so each count is the product.
        var inflated = Novel.objects().annotate("tagCount", new Count("tags")).annotate("reviewCount", new Count("reviews"))
                .orderBy("title").valuesList("title", "tagCount", "reviewCount");
        List<List<Object>> expected = sql("SELECT n.title, COUNT(nt.tag_id), COUNT(r.id) FROM shop_novel n "
                + "LEFT JOIN shop_novel_tags nt ON nt.novel_id = n.id LEFT JOIN shop_review r ON r.novel_id = n.id "
                + "GROUP BY n.id, n.title ORDER BY n.title");
        assertThat(lists(inflated)).isEqualTo(expected);
        assertThat(expected).contains(List.of("Hobbit", 6.0, 6.0)); // 2 tags x 3 reviews
        var distinct = Novel.objects().annotate("tagCount", new Count("tags", true))
                .annotate("reviewCount", new Count("reviews", true)).orderBy("title").valuesList("title", "tagCount", "reviewCount");
        List<List<Object>> right = sql("SELECT n.title, (SELECT COUNT(*) FROM shop_novel_tags nt WHERE nt.novel_id = n.id), "
                + "(SELECT COUNT(*) FROM shop_review r WHERE r.novel_id = n.id) FROM shop_novel n ORDER BY n.title");
        assertThat(lists(distinct)).isEqualTo(right);
        assertThat(right).contains(List.of("Hobbit", 2.0, 3.0));
    }

    @Test
    void anAnnotationNamedLikeARelationIsRejectedClearly() {
        seed();
        assertThatThrownBy(() -> Writer.objects().annotate("novels", new Count("novels"))
                .annotate("x", new Avg("novels__pages")))
                .isInstanceOf(FieldError.class)
                .hasMessageContaining("The annotation 'novels' conflicts with a field on shop.Writer");
        // The reverse side of a many-to-many, and a forward many-to-many field.
        assertThatThrownBy(() -> Tag.objects().annotate("novels", new Count("novels")))
                .isInstanceOf(FieldError.class).hasMessageContaining("The annotation 'novels' conflicts");
        assertThatThrownBy(() -> Novel.objects().annotate("tags", new Count("tags")))
                .isInstanceOf(FieldError.class).hasMessageContaining("The annotation 'tags' conflicts");
        // Another name works, and the relation still resolves beside it.
        var ok = Writer.objects().annotate("novelCount", new Count("novels")).annotate("x", new Avg("novels__pages"))
                .get("name", "Tolkien");
        assertThat(ok.annotation("novelCount")).isEqualTo(2L);
        assertThat(ShelfData.normalize(ok.annotation("x"))).isEqualTo(337.5);
    }
}
