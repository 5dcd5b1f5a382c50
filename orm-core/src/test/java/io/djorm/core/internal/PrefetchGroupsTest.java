package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * prefetchRelated's grouping of loaded rows by the instance they belong to: each row's key column is read
 * into the number of its instance's key, then the rows are sorted into one read-only list per key.
 */
class PrefetchGroupsTest {
    /** A model whose primary key is text: its keys cannot be compared as longs. */
    @Meta(appLabel = "prefetchgroups", dbTable = "pg_code")
    public static class Code extends Model {
        @CharField(maxLength = 10, primaryKey = true)
        public String code;
    }

    private static Place place(Long id) {
        Place p = new Place();
        if (id != null) p.setPk(id);
        return p;
    }

    private static Code code(String key) {
        Code c = new Code();
        c.code = key;
        return c;
    }

    /** Reads every row's owner key (column 0) into the groups, as the query's reader does; answers the rows. */
    private static List<Model> readRows(PrefetchGroups groups, FieldMeta readAs, Object... ownerKeys) {
        List<Object[]> values = new ArrayList<>();
        for (Object k : ownerKeys) values.add(new Object[] {k});
        List<Model> rows = new ArrayList<>();
        try (RowCursor c = new ListRowCursor(List.of("owner"), values)) {
            while (c.next()) {
                groups.read(c, 0, readAs);
                rows.add(place(100L + rows.size()));
            }
        }
        return rows;
    }

    @Test
    void integerKeysGroupRowsInQueryOrderAndSharedKeysShareTheirList() {
        List<Model> instances = List.of(place(1L), place(2L), place(1L), place(null), place(3L));
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        assertThat(groups.keys()).as("distinct keys in first-seen order: the IN list").containsExactly(1L, 2L, 3L);

        FieldMeta pk = Apps.meta(Place.class).pk();
        List<Model> rows = readRows(groups, pk, 2L, 1L, 2L, 9L, 1L);
        groups.group(rows);

        assertThat(groups.rowsOf(0)).containsExactly(rows.get(1), rows.get(4));
        assertThat(groups.rowsOf(1)).containsExactly(rows.get(0), rows.get(2));
        assertThat(groups.rowsOf(2)).isSameAs(groups.rowsOf(0));
        assertThat(groups.rowsOf(3)).as("no key, no rows").isEmpty();
        assertThat(groups.rowsOf(4)).as("a key no row belongs to").isEmpty();
        assertThatThrownBy(() -> groups.rowsOf(0).add(rows.get(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> groups.rowsOf(1).get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rowsThatComeKeyByKeyAreSlicedWhereTheyAre() {
        List<Model> instances = List.of(place(1L), place(2L), place(3L), place(2L));
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        FieldMeta pk = Apps.meta(Place.class).pk();
        // Each key's rows one after another, not in key order, a row of no instance's key before and after.
        List<Model> rows = readRows(groups, pk, 9L, 2L, 2L, 2L, 1L, 1L, 8L);
        groups.group(rows);

        assertThat(groups.rowsOf(0)).containsExactly(rows.get(4), rows.get(5));
        assertThat(groups.rowsOf(1)).containsExactly(rows.get(1), rows.get(2), rows.get(3));
        assertThat(groups.rowsOf(2)).as("a key no row belongs to").isEmpty();
        assertThat(groups.rowsOf(3)).isSameAs(groups.rowsOf(1));
        assertThatThrownBy(() -> groups.rowsOf(0).get(2)).as("the slice ends with its key's rows")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> groups.rowsOf(0).get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aKeyWhoseRowsAreSplitByARowOfNoInstanceKeepsOnlyItsOwn() {
        List<Model> instances = List.of(place(1L), place(2L));
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        FieldMeta pk = Apps.meta(Place.class).pk();
        List<Model> rows = readRows(groups, pk, 1L, 7L, 1L, 2L);
        groups.group(rows);
        assertThat(groups.rowsOf(0)).containsExactly(rows.get(0), rows.get(2));
        assertThat(groups.rowsOf(1)).containsExactly(rows.get(3));
    }

    @Test
    void integerKeysReadAsRawValuesOrThroughAnotherKindStillFindTheirInstances() {
        List<Model> instances = List.of(place(5L), place(6L));
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        List<Model> rows = readRows(groups, null, 6L, 5L, null);
        groups.group(rows);
        assertThat(groups.rowsOf(0)).containsExactly(rows.get(1));
        assertThat(groups.rowsOf(1)).containsExactly(rows.get(0));
    }

    @Test
    void textKeysAreComparedAsValues() {
        List<Model> instances = List.of(code("b"), code("a"), code("b"));
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        assertThat(groups.keys()).containsExactly("b", "a");

        FieldMeta pk = Apps.meta(Code.class).pk();
        List<Model> rows = readRows(groups, pk, "a", "b", "zz", "a");
        groups.group(rows);
        assertThat(groups.rowsOf(0)).containsExactly(rows.get(1));
        assertThat(groups.rowsOf(1)).containsExactly(rows.get(0), rows.get(3));
        assertThat(groups.rowsOf(2)).isSameAs(groups.rowsOf(0));
    }

    @Test
    void rowsThatDoNotMatchTheKeysReadAreRefused() {
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(List.of(place(1L)));
        List<Model> rows = readRows(groups, null, 1L);
        assertThatThrownBy(() -> groups.group(List.of(rows.get(0), place(7L)))).isInstanceOf(IllegalStateException.class);
    }
}
