package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hydrators shared between queries: one per model, layout, alias and reader kind, never another's. */
class HydratorsTest {
    private static final ModelMeta PLACE = Apps.meta(Place.class);

    @AfterEach
    void generateAgain() {
        RowReaders.enabled(true);
    }

    @Test
    void theSameLayoutGetsTheSameHydratorEvenThroughAnotherListOfTheSameFields() {
        List<FieldMeta> fields = PLACE.concreteFields();
        Hydrator<Place> first = Hydrators.of(PLACE, fields, List.of("n"), Arrays.asList((FieldMeta) null), "default");
        List<String> names = new ArrayList<>(List.of("n", "key"));
        Hydrator<Place> second = Hydrators.of(PLACE, new ArrayList<>(fields), names.subList(0, 1),
                Arrays.asList((FieldMeta) null), "default");
        assertThat(second).isSameAs(first);
        names.set(0, "changed"); // a view the caller changes later does not change what was kept
        assertThat(Hydrators.<Place>of(PLACE, fields, List.of("n"), Arrays.asList((FieldMeta) null), "default"))
                .isSameAs(first);
    }

    @Test
    void anotherAliasOffsetLayoutOrModelGetsItsOwn() {
        List<FieldMeta> fields = PLACE.concreteFields();
        Hydrator<Place> base = Hydrators.of(PLACE, fields, List.of(), List.of(), "default");
        assertThat(Hydrators.<Place>of(PLACE, fields, List.of(), List.of(), "other")).isNotSameAs(base);
        assertThat(Hydrators.<Place>of(PLACE, fields, List.of(), List.of(), "default", 3)).isNotSameAs(base);
        assertThat(Hydrators.<Place>of(PLACE, List.of(PLACE.pk()), List.of(), List.of(), "default")).isNotSameAs(base);
        // Equal metadata of a re-registered model is another model: compared by identity.
        ModelMeta again = PLACE.toBuilder().build();
        assertThat(Hydrators.<Place>of(again, again.concreteFields(), List.of(), List.of(), "default")).isNotSameAs(base);
    }

    @Test
    void switchingGeneratedReadersOffGivesHydratorsWithoutOne() {
        List<FieldMeta> fields = PLACE.concreteFields();
        assertThat(Hydrators.of(PLACE, fields, List.of(), List.of(), "default").generatedReader()).isNotNull();
        RowReaders.enabled(false);
        assertThat(Hydrators.of(PLACE, fields, List.of(), List.of(), "default").generatedReader()).isNull();
    }

    @Test
    void theyAreKeptOnTheModelsMetadataAndACopyOfItStartsWithoutThem() {
        ModelMeta copy = PLACE.toBuilder().build();
        assertThat(copy.derived().size()).isZero();
        Hydrator<Place> original = Hydrators.of(PLACE, PLACE.concreteFields(), List.of(), List.of(), "default");
        assertThat(PLACE.derived().size()).isPositive();
        assertThat(copy.derived().size()).isZero();
        Hydrator<Place> copied = Hydrators.of(copy, copy.concreteFields(), List.of(), List.of(), "default");
        assertThat(copied).isNotSameAs(original);
        assertThat(copy.derived().size()).isEqualTo(1);
    }

    @Test
    void annotationNamesMadePerQueryDoNotGrowAModelsCachesWithoutEnd() {
        ModelMeta model = PLACE.toBuilder().build();
        for (int i = 0; i < 1000; i++) {
            Hydrators.of(model, model.concreteFields(), List.of("n" + i), Arrays.asList((FieldMeta) null), "default");
        }
        assertThat(model.derived().size()).isBetween(1, 256);
    }
}
