package io.djorm.behaviour;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Profile;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.DataError;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Prefetch;
import io.djorm.core.QueryCapture;
import io.djorm.core.ValueError;
import io.djorm.core.expressions.Count;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names from users are checked before any SQL runs, and every mistake in a call is a djorm exception
 * that names the call (issue 15, cases 6 to 8).
 */
class BadCallsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, Publisher.class, Tag.class, Novel.class, Review.class, Profile.class);
    }

    @Test
    void annotationAndAggregateNamesMustBeIdentifiers() {
        Novel.by(Writer.named("W"), "N", 10);
        for (String bad : List.of("a\u0000b", "a b", "a\"b", "a'b", "x;DROP", "", " ", "1st", "a-b", "a__b", "\n")) {
            try (QueryCapture q = QueryCapture.start()) {
                assertThatThrownBy(() -> Novel.objects().annotate(bad, F("pages")).list())
                        .as(bad).isInstanceOf(FieldError.class).hasMessageContaining("annotation name");
                assertThat(q.count()).isZero();
            }
        }
        for (String bad : List.of("a\u0000b", "a b", "a\"b", "")) {
            assertThatThrownBy(() -> Novel.objects().aggregate(bad, new Count("pk")))
                    .as(bad).isInstanceOf(FieldError.class).hasMessageContaining("aggregate name");
        }
        assertThat(Novel.objects().annotate("pages_twice", F("pages").times(2)).get().annotation("pages_twice"))
                .isEqualTo(20);
        assertThat(Novel.objects().aggregate("pages__sum", new Count("pk"))).containsEntry("pages__sum", 1L);
        assertThatThrownBy(() -> new Prefetch("novels", null, "a b")).isInstanceOf(FieldError.class);
    }

    @Test
    void badPrefetchPathsAreFieldErrorsBeforeAnySql() {
        Writer.named("W"); // a row, so the main SELECT would have something to run for
        List<String> bad = List.of("no_such_thing", "author__x\"; DROP TABLE x", " ", "\n", "novels__", "novels__nope",
                "name", "novels__title", "novels____tags");
        for (String path : bad) {
            try (QueryCapture q = QueryCapture.start()) {
                assertThatThrownBy(() -> Writer.objects().prefetchRelated(path).list())
                        .as(path).isInstanceOf(FieldError.class);
                assertThat(q.count()).as(path).isZero();
            }
        }
        assertThatThrownBy(() -> Writer.objects().prefetchRelated(new Prefetch("novels", Tag.objects().all())))
                .isInstanceOf(FieldError.class).hasMessageContaining("leads to");
        // valid paths, including one continuing from an earlier toAttr, still work
        Writer.objects().prefetchRelated(new Prefetch("novels", Novel.objects().filter("pages__gt", 1), "longNovels"),
                new Prefetch("longNovels__tags")).list();
        Writer.objects().prefetchRelated("novels__tags", "novels__publisher").list();
    }

    @Test
    void callMistakesAreDjormErrorsNamingTheCall() {
        Writer w = Writer.named("W");
        assertThatThrownBy(() -> Writer.objects().get("name", "W", "pages"))
                .isInstanceOf(ValueError.class).hasMessageContaining("get()").hasMessageNotContaining("Q.of");
        assertThatThrownBy(() -> Writer.objects().filter("name", "W", 3, "x"))
                .isInstanceOf(ValueError.class).hasMessageContaining("filter()");
        assertThatThrownBy(() -> Writer.objects().all().exclude("name", "W", "pk"))
                .isInstanceOf(ValueError.class).hasMessageContaining("exclude()");
        Writer unsaved = new Writer();
        unsaved.name = "ghost";
        Novel n = new Novel();
        n.title = "Orphan";
        n.author.set(unsaved);
        assertThatThrownBy(n::save).isInstanceOf(ValueError.class).hasMessageContaining("unsaved related object 'author'");
        assertThat(w.pk()).isNotNull();
    }

    @Test
    void rawSqlParameterCountsMustMatchOnEveryBackend() {
        Writer.named("W");
        assertThatThrownBy(() -> Djorm.connection().query("SELECT ? AS a", 1, 2)).isInstanceOf(DataError.class);
        assertThatThrownBy(() -> Djorm.connection().query("SELECT ? AS a, ? AS b", 1)).isInstanceOf(DataError.class);
        assertThatThrownBy(() -> Djorm.connection().execute("UPDATE \"shop_writer\" SET \"name\" = ?"))
                .isInstanceOf(DataError.class);
        assertThat(Writer.objects().get("name", "W").name).isEqualTo("W");
        assertThat(Djorm.connection().query("SELECT ? AS a", 7).rows().get(0)[0]).isEqualTo(7L);
        assertThat(Map.of("ok", 1)).isNotEmpty();
    }
}
