package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.djorm.behaviour.shop.Album;
import io.djorm.behaviour.shop.Artist;
import io.djorm.behaviour.shop.Contract;
import io.djorm.behaviour.shop.Employee;
import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Placement;
import io.djorm.behaviour.shop.Profile;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Shelf;
import io.djorm.behaviour.shop.Song;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.DeleteResult;
import io.djorm.core.Djorm;
import io.djorm.core.IntegrityError;
import io.djorm.core.ProtectedError;
import io.djorm.core.QueryCapture;
import io.djorm.core.RestrictedError;
import io.djorm.core.Signals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** on_delete through the relation graph, and delete() counts per model (issue 3, point 5). */
class DeletionTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class, Employee.class, Profile.class,
                Shelf.class, Placement.class, Contract.class, Artist.class, Album.class, Song.class);
    }


    @Test
    void cascadeRunsThroughTheWholeGraphAndCountsPerModel() {
        Writer w = Writer.named("W");
        Writer other = Writer.named("Other");
        Tag sf = Tag.named("sf");
        Novel a = Novel.by(w, "A", 1);
        Novel b = Novel.by(w, "B", 1);
        Novel kept = Novel.by(other, "Kept", 1);
        a.tags.add(sf);
        b.tags.add(sf);
        kept.tags.add(sf);
        Review.of(a, 5);
        Review.of(a, 4);
        Review.of(b, 3);
        Review.of(kept, 1);
        Shelf shelf = Shelf.objects().create("name", "S");
        shelf.novels.add(a, kept);
        Profile p = new Profile();
        p.writer.set(w);
        p.save();

        DeleteResult result = w.delete();

        assertThat(result.perModel()).containsEntry("shop.Writer", 1L).containsEntry("shop.Novel", 2L)
                .containsEntry("shop.Review", 3L).containsEntry("shop.Profile", 1L).containsEntry("shop.Novel_tags", 2L)
                .containsEntry("library.Placement", 1L);
        assertThat(result.total()).isEqualTo(10);
        assertThat(w.pk()).isNull();
        assertThat(Novel.objects().all().list()).extracting(n -> n.title).containsExactly("Kept");
        assertThat(Review.objects().count()).isEqualTo(1);
        assertThat(kept.tags.count()).isEqualTo(1);
        assertThat(Placement.objects().count()).isEqualTo(1);
        assertThat(Tag.objects().count()).isEqualTo(1);
    }

    @Test
    void cascadeSendsDeleteSignalsForEveryCollectedObject() {
        Writer w = Writer.named("W");
        Novel n = Novel.by(w, "A", 1);
        Review.of(n, 5);
        List<String> seen = new ArrayList<>();
        Runnable off = Signals.PRE_DELETE.connect(e -> seen.add(e.instance().getClass().getSimpleName()));
        try {
            Writer.objects().filter("name", "W").delete();
        } finally {
            off.run();
        }
        assertThat(seen).containsExactlyInAnyOrder("Writer", "Novel", "Review");
        assertThat(Review.objects().exists()).isFalse();
    }

    @Test
    void aCascadeNobodyListensToGoesByKeysInOneUnitWithoutLoadingRows() {
        Writer w = Writer.named("W");
        Review.of(Novel.by(w, "A", 1), 5);
        List<String> sql = sqlOfDelete(w::delete);
        assertThat(sql).noneSatisfy(s -> assertThat(s).startsWith("SELECT"));
        // The reviews go by the keys of the novels of the writer, found in the same statement.
        assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("DELETE").contains("review").contains("IN (SELECT"));
        assertThat(Novel.objects().exists()).isFalse();
        assertThat(Review.objects().exists()).isFalse();

        Review.of(Novel.by(Writer.named("V"), "B", 1), 4);
        Novel.by(Writer.named("Kept"), "C", 1);
        List<String> queryset = sqlOfDelete(() -> assertThat(Writer.objects().filter("name", "V").delete().perModel())
                .containsOnly(entry("shop.Writer", 1L), entry("shop.Novel", 1L), entry("shop.Review", 1L)));
        assertThat(queryset).noneSatisfy(s -> assertThat(s).startsWith("SELECT"));
        assertThat(Writer.objects().valuesListFlat("name", String.class).list()).containsExactly("Kept");
    }

    @Test
    void aFilterThroughTheCascadedRowsFindsTheRowsToDeleteFirst() {
        // Found by key in each statement, these writers would be gone from the join once their novels are.
        Review.of(Novel.by(Writer.named("W"), "X", 1), 5);
        Novel.by(Writer.named("Kept"), "Y", 1);
        List<String> sql = sqlOfDelete(() -> assertThat(Writer.objects().filter("novels__title", "X").delete().perModel())
                .containsOnly(entry("shop.Writer", 1L), entry("shop.Novel", 1L), entry("shop.Review", 1L)));
        assertThat(sql.get(0)).startsWith("SELECT");
        assertThat(Writer.objects().valuesListFlat("name", String.class).list()).containsExactly("Kept");
    }

    @Test
    void aConnectedReceiverMakesTheCascadeLoadTheRowsItShows() {
        Writer v = Writer.named("V");
        Review.of(Novel.by(v, "B", 1), 5);
        List<String> titles = new ArrayList<>();
        Runnable off = Signals.PRE_DELETE.connect(e -> {
            if (e.instance() instanceof Novel n) titles.add(n.title);
        });
        try {
            assertThat(sqlOfDelete(v::delete)).anySatisfy(sql -> assertThat(sql).startsWith("SELECT").contains("title"));
        } finally {
            off.run();
        }
        assertThat(titles).containsExactly("B");
        assertThat(Review.objects().exists()).isFalse();
    }

    @Test
    void theCascadeByKeysCountsAsTheCascadeThatLoadsRows() {
        DeleteResult byKeys = Writer.objects().filter("pk", writerWithEverything("K").pk()).delete();
        // A receiver on the leaf model makes the collector load the reviews, and so every level above.
        List<Object> shown = new ArrayList<>();
        Runnable off = Signals.POST_DELETE.connect(Review.class, e -> shown.add(e.instance()));
        DeleteResult loaded;
        try {
            loaded = Writer.objects().filter("pk", writerWithEverything("L").pk()).delete();
        } finally {
            off.run();
        }
        assertThat(shown).hasSize(3);
        assertThat(byKeys).isEqualTo(loaded);
        assertThat(byKeys.perModel()).containsEntry("shop.Writer", 1L).containsEntry("shop.Novel", 2L)
                .containsEntry("shop.Review", 3L).containsEntry("shop.Profile", 1L).containsEntry("shop.Novel_tags", 2L)
                .containsEntry("library.Placement", 1L);
        assertThat(Novel.objects().all().list()).extracting(n -> n.title).containsExactlyInAnyOrder("K-kept", "L-kept");
        assertThat(Tag.objects().count()).isEqualTo(2);
    }

    /** A writer with two novels, three reviews, two tag links, a placement and a profile, beside a writer kept. */
    private static Writer writerWithEverything(String name) {
        Writer w = Writer.named(name);
        Tag tag = Tag.named(name + "-tag");
        Novel a = Novel.by(w, name + "-a", 1);
        Novel b = Novel.by(w, name + "-b", 1);
        Novel kept = Novel.by(Writer.named(name + "-other"), name + "-kept", 1);
        a.tags.add(tag);
        b.tags.add(tag);
        kept.tags.add(tag);
        Review.of(a, 5);
        Review.of(a, 4);
        Review.of(b, 3);
        Review.of(kept, 1);
        Shelf.objects().create("name", name + "-shelf").novels.add(a, kept);
        Profile p = new Profile();
        p.writer.set(w);
        p.save();
        return w;
    }

    private static List<String> sqlOfDelete(Runnable delete) {
        try (QueryCapture capture = QueryCapture.start()) {
            delete.run();
            return capture.queries().stream().map(QueryCapture.CapturedQuery::sql).toList();
        }
    }

    @Test
    void protectRefusesAndListsTheBlockingObjects() {
        Publisher p = Publisher.named("P");
        Contract c = new Contract();
        c.title = "Deal";
        c.publisher.set(p);
        c.imprint.set(null);
        c.save();
        assertThatThrownBy(p::delete).isInstanceOf(ProtectedError.class).isInstanceOf(IntegrityError.class)
                .hasMessageContaining("Contract.publisher")
                .satisfies(e -> assertThat(((ProtectedError) e).blockingObjects()).containsExactly(c));
        assertThat(Publisher.objects().count()).isEqualTo(1);
        assertThat(p.pk()).isNotNull();
    }

    @Test
    void restrictAllowsTheDeleteOnlyWhenTheCascadeTakesTheReferringRowsToo() {
        Artist artist = Artist.objects().create("name", "Band");
        Album album = Album.objects().create("title", "First", "artist", artist);
        Song song = Song.objects().create("title", "Hit", "artist", artist, "album", album);
        assertThatThrownBy(album::delete).isInstanceOf(RestrictedError.class).hasMessageContaining("Song.album")
                .satisfies(e -> assertThat(((RestrictedError) e).blockingObjects()).containsExactly(song));
        assertThat(Album.objects().count()).isEqualTo(1);
        DeleteResult result = artist.delete();
        assertThat(result.perModel()).containsEntry("shop.Artist", 1L).containsEntry("shop.Album", 1L)
                .containsEntry("shop.Song", 1L);
        assertThat(Song.objects().exists()).isFalse();
    }

    @Test
    void setNullAndSetDefaultBecomeUpdates() {
        Publisher fallback = new Publisher();
        fallback.setPk(1L);
        fallback.name = "Default";
        fallback.save();
        Publisher gone = Publisher.named("Gone");
        Publisher keeper = Publisher.named("Keeper");
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        n.publisher.set(gone);
        n.save();
        Contract c = new Contract();
        c.title = "Deal";
        c.publisher.set(keeper);
        c.imprint.set(gone);
        c.save();

        DeleteResult result = gone.delete();

        assertThat(result.perModel()).containsOnlyKeys("shop.Publisher");
        assertThat(Novel.objects().get("pk", n.pk()).publisher.id()).isNull();
        assertThat(Contract.objects().get("pk", c.pk()).imprint.id()).isEqualTo(1L);
        assertThat(Employee.objects().count()).isZero();
    }

    @Test
    void setNullOnASelfReference() {
        Employee boss = Employee.objects().create("name", "Boss");
        Employee.objects().create("name", "Worker", "manager", boss);
        boss.delete();
        assertThat(Employee.objects().get("name", "Worker").manager.id()).isNull();
    }

    @Test
    void doNothingLeavesTheKeyDanglingWhenThereIsNoConstraint() {
        Publisher.objects().create("name", "Default").setPk(1L);
        Publisher keeper = Publisher.named("Keeper");
        Publisher witness = Publisher.named("Witness");
        Contract c = new Contract();
        c.title = "Deal";
        c.publisher.set(keeper);
        c.imprint.set(null);
        c.witness.set(witness);
        c.save();
        Object witnessId = witness.pk();
        assertThat(witness.delete().perModel()).containsOnlyKeys("shop.Publisher");
        Contract loaded = Contract.objects().get("pk", c.pk());
        assertThat(loaded.witness.id()).isEqualTo(witnessId);
        assertThatThrownBy(loaded.witness::get).isInstanceOf(io.djorm.core.DoesNotExist.class);
    }

    @Test
    void deletingManyToManyRowsFromTheTargetSide() {
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        Tag sf = Tag.named("sf");
        Tag kept = Tag.named("kept");
        n.tags.add(sf, kept);
        assertThat(Tag.objects().filter("name", "sf").delete().perModel())
                .containsEntry("shop.Tag", 1L).containsEntry("shop.Novel_tags", 1L);
        assertThat(n.tags.all().list()).extracting(t -> t.name).containsExactly("kept");
    }

    @Test
    void moreRowsThanOneStatementCarriesAreDeletedInBatchesAndAllCounted() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Tag t = new Tag();
            t.name = "t" + i;
            tags.add(t);
        }
        Tag.objects().bulkCreate(tags);
        Novel n = Novel.by(Writer.named("W"), "N", 1);
        n.tags.add(Tag.objects().get("name", "t0"), Tag.objects().get("name", "t1199"));

        DeleteResult result = Tag.objects().all().delete();

        assertThat(result.perModel()).containsEntry("shop.Tag", 1200L).containsEntry("shop.Novel_tags", 2L);
        assertThat(result.total()).isEqualTo(1202);
        assertThat(Tag.objects().count()).isZero();
        assertThat(n.tags.count()).isZero();
    }
}
