package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Placement;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Shelf;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.FieldError;
import io.djorm.core.ManyRelated;
import io.djorm.core.QueryCapture;
import io.djorm.core.Signals;
import io.djorm.core.ValueError;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Length;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3: many-to-many writes by primary key, the automatic through table, inBulk on
 * the manager, and an instance's annotations through public API.
 */
class ManyToManyKeysTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class, Shelf.class, Placement.class);
    }

    private static List<String> tagNames(Novel n) {
        return n.tags.orderBy("name").list().stream().map(t -> t.name).toList();
    }

    @Test
    void addRemoveAndSetByPrimaryKey() {
        Writer w = Writer.named("Ann");
        Novel dune = Novel.by(w, "Dune", 412);
        Tag sf = Tag.named("sf");
        Tag epic = Tag.named("epic");
        Tag desert = Tag.named("désert");
        List<String> events = new ArrayList<>();
        Runnable off = Signals.M2M_CHANGED.connect(Novel.class, e -> events.add(e.action() + " " + e.pkSet()));
        try {
            dune.tags.addPks(sf.pk(), epic.pk());
            dune.tags.addPks(sf.pk());                       // already related: nothing happens
            assertThat(tagNames(dune)).containsExactly("epic", "sf");
            dune.tags.addPks(String.valueOf(desert.pk()));   // converted as the primary key converts values
            assertThat(tagNames(dune)).containsExactly("désert", "epic", "sf");
            dune.tags.removePks(epic.pk());
            assertThat(tagNames(dune)).containsExactly("désert", "sf");
            dune.tags.setPks(List.of(epic.pk(), sf.pk()));
            assertThat(tagNames(dune)).containsExactly("epic", "sf");
            dune.tags.add(desert);                           // by instance, as before
            assertThat(tagNames(dune)).containsExactly("désert", "epic", "sf");
        } finally {
            off.run();
        }
        assertThat(events).contains("PRE_ADD " + Set.of(sf.pk(), epic.pk()), "POST_REMOVE " + Set.of(epic.pk()));
        // From the reverse side too.
        Novel emma = Novel.by(w, "Emma", 474);
        ((ManyRelated<Novel>) sf.novels()).addPks(emma.pk());
        assertThat(sf.novels().orderBy("title").list().stream().map(n -> n.title).toList()).containsExactly("Dune", "Emma");
    }

    @Test
    void keysMustBeKeys() {
        Novel dune = Novel.by(Writer.named("Ann"), "Dune", 412);
        Tag sf = Tag.named("sf");
        assertThatThrownBy(() -> dune.tags.addPks((Object) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null primary key");
        assertThatThrownBy(() -> dune.tags.addPks(sf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add(...) takes instances");
        Novel unsaved = new Novel();
        assertThatThrownBy(() -> unsaved.tags.addPks(sf.pk())).hasMessageContaining("primary key");
    }

    @Test
    void theAutomaticThroughTableIsQueryable() {
        Writer w = Writer.named("Ann");
        Novel dune = Novel.by(w, "Dune", 412);
        Novel emma = Novel.by(w, "Emma", 474);
        Tag sf = Tag.named("sf");
        Tag classic = Tag.named("classic");
        dune.tags.add(sf, classic);
        emma.tags.add(classic);
        var through = Novel.objects().through("tags");
        assertThat(through.count()).isEqualTo(3);
        assertThat(through.filter("tag", classic.pk()).orderBy("novel").valuesListFlat("novel").list())
                .containsExactly(dune.pk(), emma.pk());
        assertThat(through.filter("tag__name", "sf").values("novel__title").list())
                .containsExactly(Map.of("novel__title", "Dune"));
        Map<String, Object> row = through.filter("novel", emma.pk()).get();
        assertThat(row.keySet()).containsExactlyInAnyOrder("id", "novel_id", "tag_id");
        assertThat(row.get("tag_id")).isEqualTo(classic.pk());
        assertThat(through.values("tag__name").annotate("n", new Count("id")).orderBy("tag__name").valuesList("tag__name", "n")
                .list()).containsExactly(List.of("classic", 2L), List.of("sf", 1L));
        assertThatThrownBy(() -> Novel.objects().through("author")).isInstanceOf(FieldError.class)
                .hasMessageContaining("many-to-many fields: tags");
    }

    @Test
    void aDeclaredThroughModelByKeyAndAsRows() {
        Writer w = Writer.named("Ann");
        Novel dune = Novel.by(w, "Dune", 412);
        Novel emma = Novel.by(w, "Emma", 474);
        Shelf top = Shelf.objects().create("name", "Top");
        top.novels.addPks(dune.pk(), emma.pk());       // rows of the through model, its other fields by default
        top.novels.removePks(dune.pk());
        assertThat(Placement.objects().count()).isEqualTo(1);
        assertThat(Shelf.objects().through("novels").values("novel__title", "position").list())
                .containsExactly(Map.of("novel__title", "Emma", "position", 0));
    }

    @Test
    void inBulkOnTheManager() {
        Writer w = Writer.named("Ann");
        Novel dune = Novel.by(w, "Dune", 412);
        Novel emma = Novel.by(w, "Emma", 474);
        Map<Object, Novel> byId = Novel.objects().inBulk(List.of(dune.pk(), emma.pk(), 999_999L));
        assertThat(byId).containsOnlyKeys(dune.pk(), emma.pk());
        assertThat(byId.get(emma.pk()).title).isEqualTo("Emma");
        assertThat(Novel.objects().inBulk()).containsOnlyKeys(dune.pk(), emma.pk());
        assertThat(Novel.objects().inBulk(List.of())).isEmpty();
        assertThat(Novel.objects().inBulk(List.of(dune.pk()), "pk").get(dune.pk()).pages).isEqualTo(412);
        assertThatThrownBy(() -> Novel.objects().inBulk(List.of("Dune"), "title")).isInstanceOf(ValueError.class)
                .hasMessageContaining("unique");
    }

    @Test
    void annotationNamesAndValuesOfAnInstance() {
        Writer w = Writer.named("Ann");
        Novel.by(w, "Dune", 412);
        Novel plain = Novel.objects().get("title", "Dune");
        assertThat(plain.annotationNames()).isEmpty();
        Novel n = Novel.objects().annotate("titleLength", new Length("title")).annotate("reviewCount", new Count("reviews"))
                .annotate("nothing", new io.djorm.core.expressions.NullIf("pages", 412)).get();
        assertThat(n.annotationNames()).containsExactly("titleLength", "reviewCount", "nothing");
        assertThat(n.annotation("titleLength")).isEqualTo(4L);
        assertThat(n.annotation("reviewCount")).isEqualTo(0L);
        assertThat(n.annotation("nothing")).isNull();
        assertThat(n.annotation("missing")).isNull();
    }
}
