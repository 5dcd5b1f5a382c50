package io.djorm.migrations;

import io.djorm.core.OnDelete;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.internal.fields.ManyToManyType;
import io.djorm.core.internal.fields.OneToOneType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.Relation;
import io.djorm.migrations.internal.state.ModelCodec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The core's relation kinds survive a trip through migration JSON: same kind class, same JSON again. */
class RelationKindCodecTest {

    static Stream<FieldMeta> relations() {
        return Stream.of(
                Fixtures.fk("author", "people.Author").nullable(true).build(),
                FieldMeta.builder("profile", new OneToOneType()).unique(true)
                        .relation(new Relation(Relation.Kind.ONE_TO_ONE, "people.Profile", OnDelete.SET_NULL,
                                "owner", "", false, ""))
                        .nullable(true).build(),
                Fixtures.m2m("tags", "shop.Tag").build(),
                FieldMeta.builder("readers", new ManyToManyType())
                        .relation(new Relation(Relation.Kind.MANY_TO_MANY, "people.Author", OnDelete.CASCADE,
                                "read_books", "", true, "shop.Reading"))
                        .build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relations")
    void relationFieldRoundTrips(FieldMeta field) {
        ObjectNode json = ModelCodec.field(field);
        FieldMeta read = ModelCodec.field(json, "test");

        assertThat(read.type()).isExactlyInstanceOf(field.type().getClass());
        assertThat(read.relation()).isEqualTo(field.relation());
        assertThat(read.column()).isEqualTo(field.column());
        assertThat(read.hasColumn()).isEqualTo(field.hasColumn());
        assertThat(read.unique()).isEqualTo(field.unique());
        assertThat(ModelCodec.field(read)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void relationKindsHaveThePublicNoArgumentConstructorTheCodecNeeds(Class<? extends FieldType> kind) throws Exception {
        assertThat(kind.getConstructor().newInstance()).isExactlyInstanceOf(kind);
    }

    static Stream<Class<? extends FieldType>> kinds() {
        return Stream.of(ForeignKeyType.class, OneToOneType.class, ManyToManyType.class);
    }
}
