package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.QueryCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Where prefetched many-to-many rows are kept: a field's manager ({@code novel.tags}) holds them itself,
 * a reverse manager ({@code tag.novels()}, made per call) finds them on its instance. Either way reads
 * answer from them without a query until a write through that manager makes them stale.
 */
class PrefetchedRowsTest extends BehaviourTest {
    private Tag a;
    private Tag b;
    private Tag c;
    private Novel novel;

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class);
    }

    private void tagged() {
        Writer w = Writer.named("W");
        a = Tag.named("a");
        b = Tag.named("b");
        c = Tag.named("c");
        novel = Novel.by(w, "N", 1);
        novel.tags.add(a, b);
    }

    private static List<String> names(List<Tag> tags) {
        List<String> out = new ArrayList<>();
        for (Tag t : tags) out.add(t.name);
        out.sort(null);
        return out;
    }

    private Novel prefetched() {
        return Novel.objects().prefetchRelated("tags").get("pk", novel.pk());
    }

    @Test
    void aFieldsManagerAnswersFromItsPrefetchedRowsWithoutAQuery() {
        tagged();
        Novel n = prefetched();
        try (QueryCapture q = QueryCapture.start()) {
            assertThat(names(n.tags.list())).containsExactly("a", "b");
            assertThat(n.tags.list()).as("the prefetched list itself, not a copy per call").isSameAs(n.tags.list());
            assertThat(names(n.tags.all().list())).containsExactly("a", "b");
            assertThat(n.tags.count()).isEqualTo(2);
            assertThat(n.tags.exists()).isTrue();
            assertThat(q.count()).as(q.toString()).isZero();
        }
        assertThatThrownBy(() -> n.tags.list().add(c)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> n.tags.list().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(n.annotationNames()).as("nothing of the prefetch shows as an annotation").isEmpty();
    }

    @Test
    void everyWriteThroughAPrefetchedManagerMakesItReadTheDatabaseAgain() {
        tagged();
        Map<String, BiConsumer<Novel, List<String>>> writes = new LinkedHashMap<>();
        writes.put("add", (n, expected) -> {
            n.tags.add(c);
            expected.addAll(List.of("a", "b", "c"));
        });
        writes.put("remove", (n, expected) -> {
            n.tags.remove(a);
            expected.add("b");
        });
        writes.put("clear", (n, expected) -> n.tags.clear());
        writes.put("set", (n, expected) -> {
            n.tags.set(List.of(c));
            expected.add("c");
        });
        writes.put("create", (n, expected) -> {
            n.tags.create("name", "d");
            expected.addAll(List.of("a", "b", "d"));
        });
        writes.put("addPks", (n, expected) -> {
            n.tags.addPks(c.pk());
            expected.addAll(List.of("a", "b", "c"));
        });
        writes.put("removePks", (n, expected) -> {
            n.tags.removePks(b.pk());
            expected.add("a");
        });
        writes.put("setPks", (n, expected) -> {
            n.tags.setPks(List.of(b.pk(), c.pk()));
            expected.addAll(List.of("b", "c"));
        });
        for (var write : writes.entrySet()) {
            novel.tags.set(List.of(a, b));
            Novel n = prefetched();
            Novel other = prefetched();
            assertThat(names(n.tags.list())).containsExactly("a", "b");
            List<String> expected = new ArrayList<>();
            write.getValue().accept(n, expected);
            try (QueryCapture q = QueryCapture.start()) {
                assertThat(names(n.tags.list())).as(write.getKey()).containsExactlyElementsOf(expected);
                assertThat(q.count()).as(write.getKey() + " makes the next read query: " + q).isEqualTo(1);
                assertThat(names(other.tags.list())).as("another instance keeps its prefetched rows")
                        .containsExactly("a", "b");
                assertThat(q.count()).isEqualTo(1);
            }
        }
    }

    @Test
    void aReverseManagersPrefetchedRowsLastUntilAWriteThroughOne() {
        tagged();
        Novel second = Novel.by(novel.author.get(), "M", 2);
        Tag t = Tag.objects().prefetchRelated("novels").get("pk", a.pk());
        try (QueryCapture q = QueryCapture.start()) {
            assertThat(t.novels().list()).extracting(n -> n.title).containsExactly("N");
            assertThat(q.count()).isZero();
        }
        t.novels().add(second);
        try (QueryCapture q = QueryCapture.start()) {
            assertThat(t.novels().list()).extracting(n -> n.title).containsExactlyInAnyOrder("N", "M");
            assertThat(q.count()).isEqualTo(1);
        }
    }

    @Test
    void aNestedPathFillsTheManagersOfTheRowsItLoaded() {
        tagged();
        Writer w = Writer.objects().prefetchRelated("novels__tags").get();
        try (QueryCapture q = QueryCapture.start()) {
            List<Novel> novels = w.novels().list();
            assertThat(novels).hasSize(1);
            assertThat(names(novels.get(0).tags.list())).containsExactly("a", "b");
            assertThat(q.count()).isZero();
        }
    }
}
