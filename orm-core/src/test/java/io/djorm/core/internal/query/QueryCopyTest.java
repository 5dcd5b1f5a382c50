package io.djorm.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.Q;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.ModelMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Query#copy()} makes each collection once, in its own constructor: the copy keeps what the
 * source holds, and later changes to either leave the other as it was.
 */
class QueryCopyTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);
    private static final io.djorm.core.spi.ModelResolver MODELS = label -> Apps.meta(io.djorm.core.internal.readers.Place.class);

    private static Query source() {
        Query q = new Query(EVERYTHING, MODELS);
        q.defer(List.of("chars"));
        q.apply(x -> x.addFilter(Q.of("place__name", "home"), false));
        return q;
    }

    @Test
    void theCopyHoldsWhatTheSourceHolds() {
        Query q = source();
        Query copy = q.copy();
        assertThat(copy.loadedFields()).isEqualTo(q.loadedFields());
        assertThat(copy.joins()).isEqualTo(q.joins());
        assertThat(copy.where()).isSameAs(q.where());
        assertThat(copy.isPristine()).isFalse();
    }

    @Test
    void changingTheCopyLeavesTheSourceAsItWas() {
        Query q = source();
        Query copy = q.copy();
        copy.defer(List.of("integer"));
        copy.apply(x -> x.addFilter(Q.of("hiddenPlace__name", "away"), false));
        assertThat(q.loadedFields()).extracting(f -> f.name()).contains("integer").doesNotContain("chars");
        assertThat(q.joins()).hasSize(1);
        assertThat(copy.joins()).hasSize(2);
    }

    @Test
    void changingTheSourceLeavesTheCopyAsItWas() {
        Query q = source();
        Query copy = q.copy();
        q.defer(List.of("integer"));
        q.apply(x -> x.addFilter(Q.of("hiddenPlace__name", "away"), false));
        assertThat(copy.loadedFields()).extracting(f -> f.name()).contains("integer");
        assertThat(copy.joins()).hasSize(1);
    }

    @Test
    void aNewQueryStartsEmpty() {
        Query q = new Query(EVERYTHING, MODELS);
        assertThat(q.isPristine()).isTrue();
        assertThat(q.annotations()).isEmpty();
        assertThat(q.hasJoins()).isFalse();
        assertThat(q.copy().isPristine()).isTrue();
    }
}
