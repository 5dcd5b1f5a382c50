package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.FieldError;
import io.djorm.core.Prefetch;
import io.djorm.core.QueryCapture;
import io.djorm.core.expressions.F;
import io.djorm.core.expressions.Lower;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * prefetchRelated's second query: the key of the instance each row belongs to, the IN list of keys (its
 * statement is rendered once per number of keys and bound again), empty and duplicate keys, and more
 * keys than one statement can bind.
 */
class PrefetchKeysTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class);
    }

    private static List<String> tagNames(Novel n) {
        List<String> names = new ArrayList<>();
        n.tags.all().forEach(t -> names.add(t.name));
        names.sort(null);
        return names;
    }

    @Test
    void eachInstanceGetsItsOwnRowsAndNoneGetsAnEmptyList() {
        Writer w = Writer.named("W");
        Tag a = Tag.named("a");
        Tag b = Tag.named("b");
        Tag c = Tag.named("c");
        Novel.by(w, "one", 1).tags.add(a, b);
        Novel.by(w, "two", 1).tags.add(b, c);
        Novel.by(w, "three", 1); // no tags
        try (QueryCapture q = QueryCapture.start()) {
            List<Novel> novels = Novel.objects().prefetchRelated("tags").orderBy("title").list();
            assertThat(novels).extracting(n -> n.title + " " + tagNames(n))
                    .containsExactly("one [a, b]", "three []", "two [b, c]");
            assertThat(q.count()).as(q.toString()).isEqualTo(2);
        }
        Novel one = Novel.objects().prefetchRelated("tags").get("title", "one");
        Tag first = one.tags.all().list().get(0);
        // The key of the novel a tag row was loaded for is prefetch bookkeeping, not an annotation of the tag.
        assertThat(first.annotationNames()).isEmpty();
        assertThat(first.annotation("_prefetch_related_val")).isNull();
        assertThatThrownBy(() -> one.tags.all().list().add(c)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPrefetchOverNoRowsAndOverNoRelatedRows() {
        try (QueryCapture q = QueryCapture.start()) {
            assertThat(Novel.objects().prefetchRelated("tags").list()).isEmpty();
            assertThat(q.count()).as("no instances, no second query").isEqualTo(1);
        }
        Writer w = Writer.named("W");
        Novel.by(w, "bare", 1);
        Tag.named("unused");
        try (QueryCapture q = QueryCapture.start()) {
            Novel bare = Novel.objects().prefetchRelated("tags").get();
            assertThat(bare.tags.all().list()).isEmpty();
            Tag unused = Tag.objects().prefetchRelated("novels").get();
            assertThat(unused.novels().all().list()).isEmpty();
            assertThat(q.count()).as("the empty lists came from the prefetch").isEqualTo(4);
        }
    }

    @Test
    void anInstanceListedTwiceIsAskedForOnceAndGetsItsRowsEachTime() {
        Writer w = Writer.named("W");
        Tag a = Tag.named("a");
        Tag b = Tag.named("b");
        Novel.by(w, "both", 1).tags.add(a, b);
        Novel.by(w, "onlyA", 1).tags.add(a);
        try (QueryCapture q = QueryCapture.start()) {
            // The join of the filter lists "both" once per matching tag.
            List<Novel> novels = Novel.objects().filter("tags__name__in", List.of("a", "b")).prefetchRelated("tags")
                    .orderBy("title").list();
            assertThat(novels).extracting(n -> n.title).containsExactly("both", "both", "onlyA");
            assertThat(novels).extracting(PrefetchKeysTest::tagNames)
                    .containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("a"));
            assertThat(q.queries().get(1).params()).as("each key once in the IN list").hasSize(2);
        }
    }

    @Test
    void theSameNumberOfOtherKeysFindsTheirOwnRows() {
        Writer w = Writer.named("W");
        List<Novel> novels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Novel n = Novel.by(w, "n" + i, i);
            n.tags.add(Tag.named("t" + i));
            novels.add(n);
        }
        List<String> sql = new ArrayList<>();
        for (int start = 0; start < 4; start += 2) {
            try (QueryCapture q = QueryCapture.start()) {
                List<Novel> two = Novel.objects().filter("pages__gte", start).filter("pages__lt", start + 2)
                        .prefetchRelated("tags").orderBy("pages").list();
                assertThat(two).extracting(PrefetchKeysTest::tagNames)
                        .containsExactly(List.of("t" + start), List.of("t" + (start + 1)));
                assertThat(q.queries().get(1).params()).containsExactly(novels.get(start).pk(), novels.get(start + 1).pk());
                sql.add(q.queries().get(1).sql());
            }
        }
        assertThat(sql.get(1)).isEqualTo(sql.get(0));
        // Another number of keys renders its own statement.
        List<Novel> three = Novel.objects().filter("pages__lt", 3).prefetchRelated("tags").orderBy("pages").list();
        assertThat(three).extracting(PrefetchKeysTest::tagNames).containsExactly(List.of("t0"), List.of("t1"), List.of("t2"));
    }

    @Test
    void moreKeysThanOneStatementCanBindTakeSeveralQueries() {
        int count = 33_000; // SQLite binds at most 32,766 values per statement
        List<Tag> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Tag t = new Tag();
            t.name = "t" + i;
            tags.add(t);
        }
        Tag.objects().bulkCreate(tags);
        Writer w = Writer.named("W");
        Tag first = Tag.objects().orderBy("pk").first().orElseThrow();
        Tag last = Tag.objects().orderBy("-pk").first().orElseThrow();
        Novel.by(w, "ends", 1).tags.add(first, last);
        try (QueryCapture q = QueryCapture.start()) {
            List<Tag> loaded = Tag.objects().prefetchRelated("novels").orderBy("pk").list();
            assertThat(q.count()).as("the tags, then their novels in two batches").isEqualTo(3);
            assertThat(loaded).hasSize(count);
            assertThat(loaded.get(0).novels().all().list()).extracting(n -> n.title).containsExactly("ends");
            assertThat(loaded.get(count - 1).novels().all().list()).extracting(n -> n.title).containsExactly("ends");
            assertThat(loaded.get(count / 2).novels().all().list()).isEmpty();
            assertThat(q.count()).isEqualTo(3);
        }
    }

    @Test
    void nullableForeignKeysEitherWay() {
        Writer w = Writer.named("W");
        Publisher ace = Publisher.named("Ace");
        Publisher.named("Idle");
        Novel published = Novel.by(w, "published", 1);
        published.publisher.set(ace);
        published.save();
        Novel.by(w, "unpublished", 1);
        try (QueryCapture q = QueryCapture.start()) {
            List<Novel> novels = Novel.objects().prefetchRelated("publisher").orderBy("title").list();
            assertThat(novels.get(0).publisher.get().name).isEqualTo("Ace");
            assertThat(novels.get(1).publisher.get()).isNull();
            assertThat(q.queries().get(1).params()).as("no NULL key is asked for").containsExactly(ace.pk());
            List<Publisher> publishers = Publisher.objects().prefetchRelated("novels").orderBy("name").list();
            assertThat(publishers.get(0).novels().all().list()).extracting(n -> n.title).containsExactly("published");
            assertThat(publishers.get(1).novels().all().list()).isEmpty();
            assertThat(q.count()).isEqualTo(4);
        }
    }

    @Test
    void aPrefetchQuerysetKeepsItsOwnAnnotationsOnly() {
        Writer w = Writer.named("W");
        Novel.by(w, "one", 1).tags.add(Tag.named("SF"));
        Novel one = Novel.objects()
                .prefetchRelated(new Prefetch("tags", Tag.objects().annotate("low", new Lower(F.F("name")))))
                .get();
        Tag sf = one.tags.all().list().get(0);
        assertThat(sf.annotationNames()).containsExactly("low");
        assertThat(sf.annotation("low")).isEqualTo("sf");
        assertThatThrownBy(() -> Novel.objects().prefetchRelated(
                new Prefetch("tags", Tag.objects().annotate("_prefetch_related_val", F.F("name")))).list())
                .isInstanceOf(FieldError.class).hasMessageContaining("reserved");
    }
}
