package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Profile;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Prefetch;
import io.djorm.core.QueryCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** selectRelated and prefetchRelated, with query counts (issue 3, point 4). */
class PrefetchTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class, Profile.class);
    }


    /** 100 novels, each with its own author and three of ten tags. */
    private void hundredNovels() {
        List<Tag> tags = new ArrayList<>();
        for (int t = 0; t < 10; t++) tags.add(Tag.named("tag" + t));
        for (int i = 0; i < 100; i++) {
            Novel n = Novel.by(Writer.named("writer" + i), String.format("novel%03d", i), i);
            n.tags.add(tags.get(i % 10), tags.get((i + 1) % 10), tags.get((i + 2) % 10));
        }
    }

    private static List<String> listing(List<Novel> novels) {
        List<String> lines = new ArrayList<>();
        for (Novel n : novels) {
            List<String> names = new ArrayList<>();
            n.tags.all().forEach(t -> names.add(t.name));
            names.sort(null);
            lines.add(n.title + " by " + n.author.get().name + " " + names);
        }
        return lines;
    }

    @Test
    void listingWithAuthorAndTagsTakesAtMostThreeQueries() {
        hundredNovels();
        List<String> lines;
        try (QueryCapture q = QueryCapture.start()) {
            lines = listing(Novel.objects().selectRelated("author").prefetchRelated("tags").orderBy("title").list());
            assertThat(q.count()).as(q.toString()).isLessThanOrEqualTo(3).isEqualTo(2);
        }
        assertThat(lines).hasSize(100);
        assertThat(lines.get(0)).isEqualTo("novel000 by writer0 [tag0, tag1, tag2]");
        assertThat(lines.get(99)).isEqualTo("novel099 by writer99 [tag0, tag1, tag9]");
    }

    @Test
    void theLazyPathTakesOneQueryPerNovelAndRelation() {
        hundredNovels();
        List<String> eager = listing(Novel.objects().selectRelated("author").prefetchRelated("tags").orderBy("title").list());
        try (QueryCapture q = QueryCapture.start()) {
            List<String> lazy = listing(Novel.objects().orderBy("title").list());
            assertThat(q.count()).isEqualTo(1 + 100 + 100);
            assertThat(lazy).isEqualTo(eager);
        }
    }

    @Test
    void selectRelatedFollowsNestedAndNullableKeys() {
        Writer w = Writer.named("W");
        Publisher ace = Publisher.named("Ace");
        Novel published = Novel.by(w, "Published", 1);
        published.publisher.set(ace);
        published.save();
        Novel.by(w, "Unpublished", 1);
        Review.of(published, 5);
        try (QueryCapture q = QueryCapture.start()) {
            List<Novel> novels = Novel.objects().selectRelated("publisher", "author").orderBy("title").list();
            assertThat(novels).hasSize(2); // the LEFT JOIN keeps the novel without a publisher
            assertThat(novels.get(0).publisher.get().name).isEqualTo("Ace");
            assertThat(novels.get(1).publisher.get()).isNull();
            assertThat(novels.get(1).author.get().name).isEqualTo("W");
            Review loaded = Review.objects().selectRelated("novel__author", "novel__publisher").get();
            assertThat(loaded.novel.get().author.get().name).isEqualTo("W");
            assertThat(loaded.novel.get().publisher.get().name).isEqualTo("Ace");
            assertThat(q.count()).isEqualTo(2);
        }
        assertThat(Novel.objects().selectRelated("publisher").sql()).contains("LEFT OUTER JOIN");
        assertThat(Novel.objects().selectRelated("author").sql()).contains("INNER JOIN");
        assertThat(Review.objects().selectRelated().sql()).contains("\"shop_writer\"");
    }

    @Test
    void prefetchReverseForeignKeysNestedPathsAndForwardKeys() {
        Writer a = Writer.named("A");
        Writer b = Writer.named("B");
        Writer.named("C");
        Tag sf = Tag.named("sf");
        Novel.by(a, "A1", 1).tags.add(sf);
        Novel.by(a, "A2", 1);
        Novel.by(b, "B1", 1).tags.add(sf);
        try (QueryCapture q = QueryCapture.start()) {
            List<Writer> writers = Writer.objects().prefetchRelated("novels__tags").orderBy("name").list();
            assertThat(q.count()).isEqualTo(3);
            // A prefix named on its own is loaded once, as in Django.
            Writer.objects().prefetchRelated("novels", "novels__tags").orderBy("name").list();
            assertThat(q.count()).isEqualTo(6);
            assertThat(writers.get(0).novels().all().list()).extracting(n -> n.title).containsExactlyInAnyOrder("A1", "A2");
            assertThat(writers.get(1).novels().count()).isEqualTo(1);
            assertThat(writers.get(2).novels().all().list()).isEmpty();
            Novel a1 = writers.get(0).novels().all().list().stream().filter(n -> n.title.equals("A1")).findFirst().orElseThrow();
            assertThat(a1.tags.all().list()).extracting(t -> t.name).containsExactly("sf");
            assertThat(a1.author.get().name).isEqualTo("A"); // filled by the reverse prefetch
            List<Novel> novels = Novel.objects().prefetchRelated("author").list();
            assertThat(novels).allSatisfy(n -> assertThat(n.author.get()).isNotNull());
            List<Tag> tags = Tag.objects().prefetchRelated("novels").list();
            assertThat(tags.get(0).novels().all().list()).extracting(n -> n.title).containsExactlyInAnyOrder("A1", "B1");
            assertThat(q.count()).isEqualTo(3 + 3 + 2 + 2);
        }
    }

    @Test
    void prefetchWithItsOwnQueryset() {
        Writer a = Writer.named("A");
        Novel.by(a, "Short", 50);
        Novel.by(a, "Long", 500);
        Novel.by(a, "Longer", 900);
        try (QueryCapture q = QueryCapture.start()) {
            Writer w = Writer.objects()
                    .prefetchRelated(new Prefetch("novels", Novel.objects().filter("pages__gt", 100).orderBy("-pages")))
                    .get();
            assertThat(w.novels().all().list()).extracting(n -> n.title).containsExactly("Longer", "Long");
            assertThat(q.count()).isEqualTo(2);
        }
        // filtering a prefetched manager asks the database again, over every related row
        Writer again = Writer.objects().prefetchRelated("novels").get();
        assertThat(again.novels().filter("pages__lt", 100).list()).extracting(n -> n.title).containsExactly("Short");
    }

    @Test
    void prefetchToAttrKeepsTheRowsBesideTheManager() {
        Writer a = Writer.named("A");
        Writer b = Writer.named("B");
        Tag sf = Tag.named("sf");
        Novel.by(a, "Short", 50);
        Novel.by(a, "Long", 500).tags.add(sf);
        Novel.by(b, "Longest", 900);
        try (QueryCapture q = QueryCapture.start()) {
            List<Writer> writers = Writer.objects()
                    .prefetchRelated(new Prefetch("novels", Novel.objects().filter("pages__gt", 100), "longNovels"),
                            new Prefetch("longNovels__tags"))
                    .orderBy("name").list();
            assertThat(q.count()).as(q.toString()).isEqualTo(3);
            assertThat(writers.get(0).<Novel>prefetched("longNovels")).extracting(n -> n.title).containsExactly("Long");
            assertThat(writers.get(1).<Novel>prefetched("longNovels")).extracting(n -> n.title).containsExactly("Longest");
            Novel longOne = writers.get(0).<Novel>prefetched("longNovels").get(0);
            assertThat(longOne.tags.all().list()).extracting(t -> t.name).containsExactly("sf");
            assertThat(q.count()).as("the tags came with the prefetch").isEqualTo(3);
            // the manager is untouched: it still answers with every novel, from the database
            assertThat(writers.get(0).novels().all().list()).extracting(n -> n.title).containsExactlyInAnyOrder("Short", "Long");
            assertThat(q.count()).isEqualTo(4);
        }
        List<Novel> novels = Novel.objects().prefetchRelated(new Prefetch("author", null, "writer")).orderBy("title").list();
        assertThat(novels).extracting(n -> n.<Writer>prefetched("writer").get(0).name).containsExactly("A", "B", "A");
    }

    @Test
    void prefetchToAttrMistakesSayWhatToDo() {
        Writer.named("A");
        assertThatThrownBy(() -> Writer.objects().prefetchRelated(new Prefetch("novels", null, "name")).list())
                .isInstanceOf(FieldError.class).hasMessageContaining("conflicts with a field on the Writer model");
        Writer plain = Writer.objects().all().get();
        assertThatThrownBy(() -> plain.prefetched("longNovels")).isInstanceOf(FieldError.class)
                .hasMessageContaining("new Prefetch(lookup, queryset, \"longNovels\")");
        assertThatThrownBy(() -> new Prefetch("novels", null, "a__b")).isInstanceOf(FieldError.class);
    }

    private static Writer writerAWithAProfileAndWriterBWithout() {
        Writer a = Writer.named("A");
        Writer.named("B");
        Profile p = new Profile();
        p.writer.set(a);
        p.bio = "bio of A";
        p.save();
        return a;
    }

    @Test
    void prefetchReverseOneToOne() {
        writerAWithAProfileAndWriterBWithout();
        try (QueryCapture q = QueryCapture.start()) {
            List<Writer> writers = Writer.objects().prefetchRelated("profile").orderBy("name").list();
            assertThat(writers.get(0).profile().bio).isEqualTo("bio of A");
            assertThat(q.count()).isEqualTo(2);
        }
    }

    @Test
    void selectRelatedFollowsAReverseOneToOne() {
        Writer a = writerAWithAProfileAndWriterBWithout();
        Novel.by(a, "A1", 10);
        try (QueryCapture q = QueryCapture.start()) {
            List<Writer> writers = Writer.objects().selectRelated("profile").orderBy("name").list();
            assertThat(writers.get(0).profile().bio).isEqualTo("bio of A");
            assertThat(writers.get(0).profile().writer.get()).isSameAs(writers.get(0));
            assertThatThrownBy(() -> writers.get(1).profile()).isInstanceOf(io.djorm.core.DoesNotExist.class);
            assertThat(q.count()).as(q.toString()).isEqualTo(1);
            // from a novel, through its author, to the author's profile: still one query
            Novel a1 = Novel.objects().selectRelated("author__profile").get("title", "A1");
            assertThat(a1.author.get().profile().bio).isEqualTo("bio of A");
            assertThat(q.count()).isEqualTo(2);
            // a filter over the same relation shares the join
            assertThat(Writer.objects().filter("profile__bio__startswith", "bio").selectRelated("profile").list())
                    .singleElement().satisfies(w -> assertThat(w.profile().bio).isEqualTo("bio of A"));
            assertThat(q.count()).isEqualTo(3);
        }
        assertThat(Writer.objects().filter("profile__bio__startswith", "bio").selectRelated("profile").sql())
                .containsOnlyOnce("JOIN");
        assertThatThrownBy(() -> Writer.objects().selectRelated("novels").list()).isInstanceOf(FieldError.class)
                .hasMessageContaining("Choices are: profile").hasMessageContaining("prefetchRelated");
    }

    @Test
    void badPrefetchPathsSayWhatExists() {
        Writer.named("A");
        assertThatThrownBy(() -> Writer.objects().prefetchRelated("books").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("books").hasMessageContaining("novels");
        assertThatThrownBy(() -> Writer.objects().prefetchRelated(new Prefetch("novels", Tag.objects().all())).list())
                .isInstanceOf(FieldError.class).hasMessageContaining("shop.Tag");
    }
}
