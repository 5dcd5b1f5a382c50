package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import org.junit.jupiter.api.Test;

/**
 * The plan a constructor gets: the hydrator's offer when it is of the class being built, else the class's
 * own, which the thread keeps for the next instance of the same class (and only of that class).
 */
class HydratingTest {
    @Test
    void instancesBuiltOutsideAHydratorGetTheirOwnClassesPlan() {
        Hydrating h = Hydrating.current();
        assertThat(h.planOf(Place.class)).isSameAs(Construction.of(Place.class));
        assertThat(h.planOf(Place.class)).isSameAs(Construction.of(Place.class));
        assertThat(h.planOf(Everything.class)).isSameAs(Construction.of(Everything.class));
        assertThat(h.planOf(Place.class)).isSameAs(Construction.of(Place.class));
    }

    @Test
    void anOfferIsTakenOnceAndOnlyForItsClass() {
        Hydrating h = Hydrating.current();
        h.planOf(Place.class); // the thread's last own plan is Place's
        h.enter(Construction.of(Everything.class));
        try {
            assertThat(h.planOf(Place.class)).isSameAs(Construction.of(Place.class)); // not the offered plan
            assertThat(h.planOf(Everything.class)).isSameAs(Construction.of(Everything.class)); // the offer was taken
        } finally {
            h.exit();
        }
    }

    @Test
    void newInstancesStillGetDefaultsAndHolders() {
        Place p = new Place();
        Everything e = new Everything();
        Place q = new Place();
        assertThat(e.count).isEqualTo(7);
        assertThat(e.place).isNotNull();
        assertThat(e.visited).isNotNull();
        assertThat(p.isAdding()).isTrue();
        assertThat(q.isAdding()).isTrue();
    }
}
