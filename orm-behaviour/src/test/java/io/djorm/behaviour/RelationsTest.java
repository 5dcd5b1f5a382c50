package io.djorm.behaviour;

import io.djorm.core.OnDelete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Employee;
import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Placement;
import io.djorm.behaviour.shop.Profile;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Shelf;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.DoesNotExist;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.ValueError;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QueryCapture;
import io.djorm.core.Signals;
import io.djorm.core.Transaction;
import io.djorm.core.meta.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Relation fields, access, lookups across relations and Django's multi-valued semantics (issue 3, points 1-3). */
class RelationsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class, Employee.class, Profile.class,
                Shelf.class, Placement.class);
    }


    private static List<String> titles(Iterable<Novel> novels) {
        List<String> out = new ArrayList<>();
        novels.forEach(n -> out.add(n.title));
        return out;
    }

    // ---- 1. fields ------------------------------------------------------------------------------

    @Test
    void relationFieldsDescribeTheirTargetsByLabel() {
        var author = Novel.objects().all().model().field("author");
        assertThat(author.column()).isEqualTo("author_id");
        assertThat(author.relation().kind()).isEqualTo(Relation.Kind.MANY_TO_ONE);
        assertThat(author.relation().target()).isEqualTo("shop.Writer");
        assertThat(author.relation().onDelete()).isEqualTo(OnDelete.CASCADE);
        var tags = Novel.objects().all().model().field("tags");
        assertThat(tags.hasColumn()).isFalse();
        assertThat(tags.relation().kind()).isEqualTo(Relation.Kind.MANY_TO_MANY);
        assertThat(Employee.objects().all().model().field("manager").relation().target()).isEqualTo("shop.Employee");
        assertThat(Shelf.objects().all().model().field("novels").relation().through()).isEqualTo("library.Placement");
        assertThat(Placement.objects().all().model().field("shelf").relation().target()).isEqualTo("library.Shelf");
        assertThat(Profile.objects().all().model().field("writer").unique()).isTrue();
    }

    @Test
    void holdersAreNeverNull() {
        Novel fresh = new Novel();
        assertThat(fresh.author).isNotNull();
        assertThat(fresh.tags).isNotNull();
        assertThat(fresh.author.id()).isNull();
        assertThat(fresh.author.get()).isNull();
        Novel.by(Writer.named("Le Guin"), "Lathe", 180);
        Novel loaded = Novel.objects().get("title", "Lathe");
        assertThat(loaded.author).isNotNull();
        assertThat(loaded.publisher.id()).isNull();
        assertThat(loaded.tags).isNotNull();
    }

    // ---- 2. access ------------------------------------------------------------------------------

    @Test
    void forwardAccessIsLazyCachedAndTheRawKeyNeedsNoQuery() {
        Writer w = Writer.named("Le Guin");
        Novel.by(w, "Earthsea", 200);
        Novel n = Novel.objects().get("title", "Earthsea");
        try (QueryCapture q = QueryCapture.start()) {
            assertThat(n.author.id()).isEqualTo(w.pk());
            assertThat(n.get("author_id")).isEqualTo(w.pk());
            assertThat(q.count()).isZero();
            assertThat(n.author.get().name).isEqualTo("Le Guin");
            assertThat(n.author.get().name).isEqualTo("Le Guin");
            assertThat(q.count()).isEqualTo(1);
        }
    }

    @Test
    void settingTheKeyOrTheInstanceRepointsTheRelation() {
        Writer a = Writer.named("A");
        Writer b = Writer.named("B");
        Novel n = Novel.by(a, "Switch", 10);
        n.author.setId(b.pk());
        n.save();
        assertThat(Novel.objects().get("pk", n.pk()).author.get().name).isEqualTo("B");
        n.set("author", a);
        n.save();
        assertThat(Novel.objects().get("pk", n.pk()).author.id()).isEqualTo(a.pk());
        assertThat(n.author.isCached()).isTrue();
    }

    @Test
    void relatingAnInstanceWhoseInsertIsStillQueuedInsideAnAtomicBlock() {
        // On a remote server the writer's INSERT waits in the transport until something needs its key.
        Transaction.atomic(() -> {
            Writer w = Writer.named("Queued");
            Novel n = Novel.by(w, "Q", 1);
            n.tags.add(Tag.named("t"));
        });
        Novel loaded = Novel.objects().get("title", "Q");
        assertThat(loaded.author.get().name).isEqualTo("Queued");
        assertThat(loaded.tags.list()).extracting(t -> t.name).containsExactly("t");
    }

    @Test
    void reverseForeignKeyManagerReadsFiltersAndCreates() {
        Writer w = Writer.named("Le Guin");
        Novel.by(w, "Earthsea", 200);
        Novel.by(w, "Lathe", 180);
        Novel.by(Writer.named("Other"), "Elsewhere", 90);
        assertThat(titles(w.novels().orderBy("title"))).containsExactly("Earthsea", "Lathe");
        assertThat(titles(w.novels().filter("pages__gt", 190))).containsExactly("Earthsea");
        Novel created = w.novels().create("title", "Dispossessed", "pages", 300);
        assertThat(created.author.id()).isEqualTo(w.pk());
        assertThat(w.novels().count()).isEqualTo(3);
    }

    @Test
    void reverseManagerOfANullableKeyAddsRemovesClearsAndSets() {
        Publisher p = Publisher.named("Ace");
        Writer w = Writer.named("W");
        Novel a = Novel.by(w, "A", 1);
        Novel b = Novel.by(w, "B", 1);
        Novel c = Novel.by(w, "C", 1);
        p.novels().add(a, b);
        assertThat(titles(p.novels().orderBy("title"))).containsExactly("A", "B");
        p.novels().remove(a);
        assertThat(titles(p.novels().all())).containsExactly("B");
        assertThat(Novel.objects().get("pk", a.pk()).publisher.id()).isNull();
        p.novels().set(List.of(a, c));
        assertThat(titles(p.novels().orderBy("title"))).containsExactly("A", "C");
        p.novels().clear();
        assertThat(p.novels().exists()).isFalse();
        assertThatThrownBy(() -> w.novels().clear()).isInstanceOf(FieldError.class).hasMessageContaining("not nullable");
    }

    @Test
    void manyToManyAddRemoveClearSetAndCreateFromBothSides() {
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        Tag sf = Tag.named("sf");
        Tag fantasy = Tag.named("fantasy");
        Tag classic = Tag.named("classic");
        n.tags.add(sf, fantasy);
        n.tags.add(sf); // already there: nothing happens
        assertThat(n.tags.orderBy("name").list()).extracting(t -> t.name).containsExactly("fantasy", "sf");
        n.tags.remove(fantasy);
        assertThat(n.tags.list()).extracting(t -> t.name).containsExactly("sf");
        n.tags.set(List.of(fantasy, classic));
        assertThat(n.tags.orderBy("name").list()).extracting(t -> t.name).containsExactly("classic", "fantasy");
        Tag created = n.tags.create("name", "new");
        assertThat(created.pk()).isNotNull();
        assertThat(n.tags.count()).isEqualTo(3);
        assertThat(titles(classic.novels().all())).containsExactly("N");
        Novel other = Novel.by(Writer.named("X"), "Other", 1);
        classic.novels().add(other);
        assertThat(titles(classic.novels().orderBy("title"))).containsExactly("N", "Other");
        n.tags.clear();
        assertThat(n.tags.exists()).isFalse();
        assertThat(titles(classic.novels().all())).containsExactly("Other");
    }

    @Test
    void manyToManyThroughAModelOfAnotherApp() {
        Novel a = Novel.by(Writer.named("W"), "A", 1);
        Novel b = Novel.by(Writer.named("W2"), "B", 1);
        Shelf shelf = Shelf.objects().create("name", "Top");
        shelf.novels.add(a, b);
        assertThat(Placement.objects().count()).isEqualTo(2);
        assertThat(titles(shelf.novels.orderBy("title"))).containsExactly("A", "B");
        assertThat(a.shelves().list()).extracting(s -> s.name).containsExactly("Top");
        assertThat(Shelf.objects().filter("novels__title", "B").count()).isEqualTo(1);
        assertThat(titles(Novel.objects().filter("shelves__name", "Top").orderBy("title"))).containsExactly("A", "B");
        shelf.novels.remove(a);
        assertThat(Placement.objects().count()).isEqualTo(1);
        shelf.novels.add(List.of(a), Map.of("position", 7));
        assertThat(Placement.objects().get("novel", a).position).isEqualTo(7);
        assertThatThrownBy(() -> a.tags.add(List.of(Tag.named("x")), Map.of("position", 1)))
                .isInstanceOf(FieldError.class).hasMessageContaining("automatic table");
    }

    @Test
    void selfReferenceAndReverseOneToOne() {
        Employee boss = Employee.objects().create("name", "Boss");
        Employee e = new Employee();
        e.name = "Worker";
        e.manager.set(boss);
        e.save();
        assertThat(boss.reports().list()).extracting(x -> x.name).containsExactly("Worker");
        assertThat(Employee.objects().filter("manager__name", "Boss").get().name).isEqualTo("Worker");
        assertThat(Employee.objects().filter("reports__name", "Worker").get().name).isEqualTo("Boss");
        Writer w = Writer.named("W");
        assertThatThrownBy(w::profile).isInstanceOf(DoesNotExist.class);
        Profile p = new Profile();
        p.writer.set(w);
        p.bio = "hi";
        p.save();
        assertThat(Writer.objects().get("pk", w.pk()).profile().bio).isEqualTo("hi");
        assertThat(Writer.objects().get("profile__bio", "hi").name).isEqualTo("W");
    }

    @Test
    void m2mChangedSignalReportsEachStep() {
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        Tag a = Tag.named("a");
        Tag b = Tag.named("b");
        List<String> seen = new ArrayList<>();
        Runnable off = Signals.M2M_CHANGED.connect(Novel.class,
                e -> seen.add(e.action() + (e.pkSet() == null ? "" : " " + e.pkSet().size()) + (e.reverse() ? " reverse" : "")));
        try {
            n.tags.add(a, b);
            n.tags.add(a);
            n.tags.remove(b);
            n.tags.clear();
            a.novels().add(n);
        } finally {
            off.run();
        }
        assertThat(seen).containsExactly("PRE_ADD 2", "POST_ADD 2", "PRE_REMOVE 1", "POST_REMOVE 1", "PRE_CLEAR", "POST_CLEAR",
                "PRE_ADD 1 reverse", "POST_ADD 1 reverse");
    }

    // ---- 3. lookups -----------------------------------------------------------------------------

    private void library() {
        Writer leguin = Writer.named("Ursula Le Guin");
        Writer herbert = Writer.named("Frank Herbert");
        Writer nobody = Writer.named("Nobody");
        Publisher ace = Publisher.named("Ace");
        Tag sf = Tag.named("sf");
        Tag fantasy = Tag.named("fantasy");
        Novel earthsea = Novel.by(leguin, "Earthsea", 200);
        earthsea.tags.add(fantasy);
        Novel lathe = Novel.by(leguin, "Lathe", 180);
        lathe.tags.add(sf);
        lathe.publisher.set(ace);
        lathe.save();
        Novel dune = Novel.by(herbert, "Dune", 600);
        dune.tags.add(sf, fantasy);
        dune.publisher.set(ace);
        dune.save();
        assertThat(nobody.pk()).isNotNull();
    }

    @Test
    void forwardReverseAndManyToManyLookups() {
        library();
        assertThat(titles(Novel.objects().filter("author__name__icontains", "le guin").orderBy("title")))
                .containsExactly("Earthsea", "Lathe");
        assertThat(titles(Novel.objects().filter("tags__name", "sf").orderBy("title"))).containsExactly("Dune", "Lathe");
        assertThat(Writer.objects().filter("novels__title", "Dune").get().name).isEqualTo("Frank Herbert");
        assertThat(Writer.objects().filter("novels__tags__name", "fantasy").distinct().orderBy("name").list())
                .extracting(w -> w.name).containsExactly("Frank Herbert", "Ursula Le Guin");
        assertThat(Tag.objects().filter("novels__author__name", "Frank Herbert").orderBy("name").list())
                .extracting(t -> t.name).containsExactly("fantasy", "sf");
        Tag sf = Tag.objects().get("name", "sf");
        assertThat(titles(Novel.objects().filter("tags", sf).orderBy("title"))).containsExactly("Dune", "Lathe");
        assertThat(titles(Novel.objects().filter("tags__in", List.of(sf)).orderBy("title"))).containsExactly("Dune", "Lathe");
        Writer herbert = Writer.objects().get("name", "Frank Herbert");
        assertThat(titles(Novel.objects().filter("author", herbert))).containsExactly("Dune");
        assertThat(titles(Novel.objects().filter("author__in", Writer.objects().filter("name__startswith", "F"))))
                .containsExactly("Dune");
    }

    @Test
    void nullableAndReverseJoinsKeepRowsWithoutAMatch() {
        library();
        // ordering and values over a nullable key: LEFT OUTER, Earthsea (no publisher) stays
        assertThat(titles(Novel.objects().orderBy("publisher__name", "title"))).containsExactly("Earthsea", "Dune", "Lathe");
        assertThat(Novel.objects().orderBy("title").valuesList("title", "publisher__name").list())
                .containsExactly(List.of("Dune", "Ace"), java.util.Arrays.asList("Earthsea", null), List.of("Lathe", "Ace"));
        // reverse: a writer without novels is kept by values() and found by isnull
        assertThat(Writer.objects().filter("novels__isnull", true).get().name).isEqualTo("Nobody");
        assertThat(Writer.objects().filter("name", "Nobody").values("name", "novels__title").list())
                .containsExactly(mapOf("name", "Nobody", "novels__title", null));
        // OR across a reverse relation must not drop writers without novels
        assertThat(Writer.objects().filter(Q.of("novels__title", "Dune").or(Q.of("name", "Nobody"))).orderBy("name").list())
                .extracting(w -> w.name).containsExactly("Frank Herbert", "Nobody");
        // exclude over a nullable key keeps the novel without a publisher
        assertThat(titles(Novel.objects().exclude("publisher__name", "Ace"))).containsExactly("Earthsea");
        assertThat(Novel.objects().filter("publisher__name", "Ace").sql()).contains("INNER JOIN");
        assertThat(Novel.objects().orderBy("publisher__name").sql()).contains("LEFT OUTER JOIN");
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @Test
    void multiValuedFilterChainingFollowsDjango() {
        Writer w = Writer.named("W");
        Tag sf = Tag.named("sf");
        Tag fantasy = Tag.named("fantasy");
        Novel both = Novel.by(w, "Both", 100);
        both.tags.add(sf, fantasy);
        Novel onlySf = Novel.by(w, "OnlySf", 100);
        onlySf.tags.add(sf);
        // one filter() call: the same tag must match both conditions
        assertThat(Novel.objects().filter("tags__name", "sf", "tags__name", "fantasy").count()).isZero();
        // two calls: each condition may match a different tag
        assertThat(titles(Novel.objects().filter("tags__name", "sf").filter("tags__name", "fantasy"))).containsExactly("Both");
        // reviews: filter(a, b) on the same review vs filter(a).filter(b) over any reviews
        Review.of(onlySf, 5);
        Review.of(onlySf, 1);
        assertThat(Novel.objects().filter("reviews__stars__gte", 5, "reviews__stars__lte", 1).count()).isZero();
        assertThat(titles(Novel.objects().filter("reviews__stars__gte", 5).filter("reviews__stars__lte", 1)))
                .containsExactly("OnlySf");
    }

    @Test
    void excludeOverAManyRelationExcludesEveryRowWithAMatch() {
        Writer w = Writer.named("W");
        Tag sf = Tag.named("sf");
        Tag fantasy = Tag.named("fantasy");
        Novel both = Novel.by(w, "Both", 100);
        both.tags.add(sf, fantasy);
        Novel.by(w, "Untagged", 100);
        Novel onlyFantasy = Novel.by(w, "OnlyFantasy", 100);
        onlyFantasy.tags.add(fantasy);
        // a JOIN + NOT would keep "Both" through its fantasy row and drop "Untagged"
        assertThat(titles(Novel.objects().exclude("tags__name", "sf").orderBy("title"))).containsExactly("OnlyFantasy", "Untagged");
        assertThat(titles(Novel.objects().filter(Q.not(Q.of("tags__name", "sf"))).orderBy("title")))
                .containsExactly("OnlyFantasy", "Untagged");
        assertThat(Writer.objects().exclude("novels__tags__name", "sf").count()).isZero();
    }

    @Test
    void severalHopsInValuesAndOrdering() {
        library();
        Review.of(Novel.objects().get("title", "Dune"), 4);
        assertThat(Review.objects().valuesListFlat("novel__author__name", String.class).list()).containsExactly("Frank Herbert");
        assertThat(Writer.objects().filter("novels__reviews__stars", 4).get().name).isEqualTo("Frank Herbert");
        assertThat(Novel.objects().orderBy("-author__name", "title").valuesListFlat("title", String.class).list())
                .containsExactly("Earthsea", "Lathe", "Dune");
    }

    // ---- errors ---------------------------------------------------------------------------------

    @Test
    void unknownRelationPathsSayWhatExists() {
        assertThatThrownBy(() -> Novel.objects().filter("author__nmae", "x"))
                .isInstanceOf(FieldError.class).hasMessageContaining("nmae").hasMessageContaining("shop.Writer")
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Writer.objects().filter("bookz__title", "x"))
                .isInstanceOf(FieldError.class).hasMessageContaining("bookz").hasMessageContaining("novels");
        assertThatThrownBy(() -> Novel.objects().selectRelated("tags"))
                .isInstanceOf(FieldError.class).hasMessageContaining("prefetchRelated");
    }

    @Test
    void unsavedInstancesCannotBeUsedInRelations() {
        Writer unsaved = new Writer();
        unsaved.name = "ghost";
        assertThatThrownBy(() -> Novel.objects().filter("author", unsaved))
                .isInstanceOf(ValueError.class).hasMessageContaining("unsaved");
        assertThatThrownBy(() -> unsaved.novels().all())
                .isInstanceOf(ValueError.class).hasMessageContaining("primary key");
        Novel n = new Novel();
        n.title = "Orphan";
        n.author.set(unsaved);
        assertThatThrownBy(n::save).isInstanceOf(ValueError.class)
                .hasMessageContaining("unsaved related object 'author'");
        unsaved.save();
        n.save(); // now the key is known
        assertThat(Novel.objects().get("pk", n.pk()).author.id()).isEqualTo(unsaved.pk());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void addingAnObjectOfTheWrongModelToAManyToManyFails() {
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        Writer notATag = Writer.named("X");
        assertThatThrownBy(() -> ((ManyRelated) n.tags).add(notATag))
                .isInstanceOf(ValueError.class).hasMessageContaining("'Tag' instance expected");
        assertThatThrownBy(() -> Novel.objects().filter("author", Tag.named("t")))
                .isInstanceOf(ValueError.class).hasMessageContaining("must be a shop.Writer");
        assertThat(Set.of(n.tags.count())).containsExactly(0L);
        Model unused = notATag;
        assertThat(unused.pk()).isNotNull();
    }
}
