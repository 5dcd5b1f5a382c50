package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.query.Join;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * selectRelated's reading of joined models: over an INNER join on an integer key the joined model's
 * primary key is the one its parent's foreign key holds, and its own column is not read; elsewhere the
 * column is read and a NULL there means "no row".
 */
class SelectedRelationsTest {
    private static final ModelMeta PLACE = Apps.meta(Place.class);
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);
    private static final FieldMeta VIA = EVERYTHING.field("place");
    private static final Query.RelatedSelection SELECTION = new Query.RelatedSelection("place", "T2", PLACE, VIA, -1, null);
    private static final List<FieldMeta> BASE = List.of(EVERYTHING.pk(), VIA);

    @AfterEach
    void generateAgain() {
        RowReaders.enabled(true);
    }

    private static List<Join> join(boolean leftOuter) {
        return List.of(new Join("T2", PLACE.dbTable(), EVERYTHING.dbTable(), VIA.column(), PLACE.pk().column(), leftOuter));
    }

    /** One row: base key 1, foreign key 30, and the joined place's columns {@code placeId, "Lyon"}. */
    private static RowCursor row(Object placeId) {
        RowCursor c = new ListRowCursor(List.of("id", "place_id", "p_id", "p_name"),
                List.<Object[]>of(new Object[] {1L, 30L, placeId, "Lyon"}));
        c.next();
        return c;
    }

    private static Everything read(SelectedRelations related, RowCursor row) {
        Everything e = Hydrators.<Everything>of(EVERYTHING, BASE, List.of(), List.of(), "default").read(row);
        related.attach(e, row);
        return e;
    }

    @Test
    void overAnInnerJoinTheJoinedKeyColumnIsNotReadAndTheParentsKeyIsUsed() {
        for (boolean generated : new boolean[] {true, false}) {
            RowReaders.enabled(generated);
            SelectedRelations related = new SelectedRelations(List.of(SELECTION), BASE, join(false), BASE.size(), "default");
            assertThat(related.keyFromParent(0)).isTrue();
            // A column the reader must not look at: were it read, the place would have key 99.
            Everything e = read(related, row(99L));
            assertThat(e.place.get().getId()).isEqualTo(30L);
            assertThat(e.place.get().name).isEqualTo("Lyon");
            assertThat(e.place.get().pk()).isSameAs(e.place.id());
        }
    }

    @Test
    void overALeftJoinTheJoinedKeyColumnDecidesWhetherThereIsARow() {
        SelectedRelations related = new SelectedRelations(List.of(SELECTION), BASE, join(true), BASE.size(), "default");
        assertThat(related.keyFromParent(0)).isFalse();
        // A dangling foreign key: the LEFT JOIN found no place, though the key is 30.
        Everything dangling = read(related, row(null));
        assertThat(dangling.place.isCached()).isTrue();
        assertThat(dangling.place.get()).isNull();
        assertThat(read(related, row(30L)).place.get().getId()).isEqualTo(30L);
    }

    @Test
    void theParentsKeyIsUsedOnlyWhenTheParentLoadedItAndTheJoinIsKnownInner() {
        assertThat(SelectedRelations.keyFromParent(SELECTION, List.of(EVERYTHING.pk()), join(false))).isFalse();
        assertThat(SelectedRelations.keyFromParent(SELECTION, BASE, List.of())).isFalse();
        var reverse = new Query.RelatedSelection("only", "T2", EVERYTHING, EVERYTHING.field("home"), -1, "only");
        assertThat(SelectedRelations.keyFromParent(reverse, List.of(PLACE.pk()), join(false))).isFalse();
        assertThat(SelectedRelations.keyFromParent(SELECTION, BASE, join(false))).isTrue();
    }
}
