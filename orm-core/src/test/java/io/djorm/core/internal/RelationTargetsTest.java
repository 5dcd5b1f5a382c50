package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import org.junit.jupiter.api.Test;

/** {@link Relations#target} resolves a relation once and keeps the answer on that field, never on a copy of it. */
class RelationTargetsTest {
    @Test
    void theTargetIsResolvedOnceAndKeptOnTheField() {
        ModelMeta place = Apps.meta(Place.class);
        FieldMeta field = Apps.meta(Everything.class).field("place");
        ModelMeta target = Relations.target(field);
        assertThat(target).isSameAs(place);
        assertThat(RelationTargets.kept(field)).isSameAs(place);
        assertThat(Relations.target(field)).isSameAs(target);
    }

    @Test
    void aCopyOfTheFieldResolvesItsOwn() {
        FieldMeta field = Apps.meta(Everything.class).field("home");
        Relations.target(field);
        FieldMeta copy = field.toBuilder().build();
        assertThat(RelationTargets.kept(copy)).isNull();
        assertThat(Relations.target(copy)).isSameAs(Apps.meta(Place.class));
        assertThat(RelationTargets.kept(copy)).isSameAs(Apps.meta(Place.class));
    }

    @Test
    void aManyToManyFieldKeepsItsTargetToo() {
        FieldMeta field = Apps.meta(Everything.class).field("visited");
        assertThat(Relations.target(field)).isSameAs(Apps.meta(Place.class));
        assertThat(RelationTargets.kept(field)).isSameAs(Apps.meta(Place.class));
    }

    @Test
    void thePublicMetadataHasNoRuntimeOnlyAccessorOfTheTarget() {
        for (java.lang.reflect.Method m : FieldMeta.class.getMethods()) {
            assertThat(m.getName()).isNotEqualTo("resolvedTarget");
            assertThat(m.getParameterTypes()).doesNotContain(ModelMeta.class);
        }
    }

    @Test
    void onlyARelationKeepsATarget() {
        FieldMeta plain = Apps.meta(Everything.class).field("text");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelationTargets.keep(plain, Apps.meta(Place.class)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(RelationTargets.kept(plain)).isNull();
    }
}
