package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.ValueError;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Ref.set} looks the relation's target up once and takes the same metadata as the same model,
 * without comparing labels: an instance of the target is taken with its key, any other model is refused.
 */
class RefSetTest {
    @BeforeAll
    static void models() {
        Apps.meta(Place.class);
        Apps.meta(Everything.class);
    }

    private static Place place(long id) {
        Place p = new Place();
        p.setPk(id);
        return p;
    }

    @Test
    void anInstanceOfTheTargetIsTakenWithItsKey() {
        Everything e = new Everything();
        Place p = place(21L);
        e.place.set(p);
        assertThat(e.place.isCached()).isTrue();
        assertThat(e.place.id()).isEqualTo(21L);
        e.home.set(place(4L));
        assertThat(e.home.id()).isEqualTo(4L);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anInstanceOfAnotherModelIsRefusedAndTheOldValueKept() {
        Everything e = new Everything();
        e.place.set(place(3L));
        Ref raw = e.place;
        Model other = new Everything();
        assertThatThrownBy(() -> raw.set(other)).isInstanceOf(ValueError.class)
                .hasMessageContaining("Cannot assign a").hasMessageContaining("it must be a");
        assertThat(e.place.id()).isEqualTo(3L);
    }

    @Test
    void nullClearsTheRelation() {
        Everything e = new Everything();
        e.place.set(place(5L));
        e.place.set(null);
        assertThat(e.place.id()).isNull();
        assertThat(e.place.isCached()).isTrue();
    }
}
